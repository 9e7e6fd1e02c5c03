package io.tributary.query.marketing;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.FindMarketingMetrics;
import io.tributary.api.marketing.FindMetricDayVersions;
import io.tributary.api.marketing.MarketingMetricsView;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricDayVersionView;
import io.tributary.query.support.UnitOfWorkBatches;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Marketing metrics: the latest version of every day of every source, and the history of each day. The handler works
 * on one {@link UnitOfWorkBatches batch} per processor batch: one read and one bulk write per collection.
 */
@ProcessingGroup("marketing-metrics")
public class MarketingMetricsProjection {

    private final MarketingMetricsRepository repository;
    private final UnitOfWorkBatches batches;

    public MarketingMetricsProjection(MongoDatabase database) {
        this.repository = new MarketingMetricsRepository(database);
        this.batches = new UnitOfWorkBatches(database, (batch, events) -> repository.load(batch,
                UnitOfWorkBatches.payloadsOf(events, MetricDayRecorded.class)));
    }

    @EventHandler
    public void on(MetricDayRecorded event) {
        batches.run(batch -> repository.record(batch, event));
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    @QueryHandler
    public MarketingMetricsView handle(FindMarketingMetrics query) {
        MetricsReport report = new MetricsReport(query.groupBy());
        repository.forEachRow(query.from(), query.to(), query.marketingSourceId(), report::add);
        return new MarketingMetricsView(query.from(), query.to(), query.groupBy(), report.lines());
    }

    @QueryHandler
    public List<MetricDayVersionView> handle(FindMetricDayVersions query) {
        return repository.versions(query.marketingSourceId(), query.date());
    }
}
