package io.tributary.query.attribution;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Ad-platform metrics per day and marketing source, the latest version of each day replacing older ones. The handler
 * works on one {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("attribution-spend")
public class SpendProjection {

    private final SpendRepository repository;
    private final UnitOfWorkBatches batches;

    public SpendProjection(MongoDatabase database) {
        this.repository = new SpendRepository(database);
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
}
