package io.tributary.query.marketing;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;
import static io.tributary.query.marketing.MarketingSourceRepository.LAST_ERROR;
import static io.tributary.query.marketing.MarketingSourceRepository.LAST_SYNC;
import static io.tributary.query.marketing.MarketingSourceRepository.STATUS;
import static io.tributary.query.marketing.MarketingSourceRepository.error;
import static io.tributary.query.support.MongoValues.toDate;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.FindMarketingSource;
import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.MarketingCredentialsReplaced;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryScheduled;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/**
 * Marketing sources as operators see them: status, last sync, last error, last import and how many rows they
 * hold. Credentials appear masked only, as the events carry them.
 */
@ProcessingGroup("marketing-sources")
public class MarketingSourceProjection {

    private final MarketingSourceRepository repository;

    public MarketingSourceProjection(MongoDatabase database) {
        this.repository = new MarketingSourceRepository(database);
    }

    @EventHandler
    public void on(MarketingSourceCreated event) {
        repository.create(event);
    }

    @EventHandler
    public void on(MarketingCredentialsReplaced event) {
        repository.update(event.marketingSourceId(), combine(set("credentials", new Document(
                Map.copyOf(event.maskedCredentials()))), set("importOnly", false)));
        repository.recoverFromError(event.marketingSourceId());
    }

    @EventHandler
    public void on(SyncStarted event) {
        repository.startSync(event.marketingSourceId(), event.syncId(), new Document("syncId", event.syncId())
                .append("trigger", event.trigger().name()).append("from", event.from().toString())
                .append("to", event.to().toString()).append("status", "running")
                .append("startedAt", toDate(event.at())));
    }

    @EventHandler
    public void on(SyncRowsRecorded event) {
        repository.updateSync(event.marketingSourceId(), event.syncId(),
                max(LAST_SYNC + ".recordedThrough", event.to().toString()));
    }

    @EventHandler
    public void on(SyncRetryScheduled event) {
        repository.updateSync(event.marketingSourceId(), event.syncId(), combine(
                max(LAST_SYNC + ".retries", event.attempt()), set(LAST_SYNC + ".retryAt", toDate(event.retryAt())),
                set(LAST_ERROR, error(event.reason(), false, event.syncId(), event.at()))));
    }

    @EventHandler
    public void on(SyncCompleted event) {
        repository.updateSync(event.marketingSourceId(), event.syncId(), combine(
                set(LAST_SYNC + ".status", "completed"), set(LAST_SYNC + ".finishedAt", toDate(event.at())),
                set(LAST_SYNC + ".pages", event.pages()), set(LAST_SYNC + ".rowCount", event.rowCount()),
                set(LAST_SYNC + ".changedDays", event.changedDays()), unset(LAST_SYNC + ".retryAt"),
                set(STATUS, "active")));
    }

    @EventHandler
    public void on(SyncFailed event) {
        repository.updateSync(event.marketingSourceId(), event.syncId(), combine(
                set(LAST_SYNC + ".status", "failed"), set(LAST_SYNC + ".finishedAt", toDate(event.at())),
                unset(LAST_SYNC + ".retryAt"), set(STATUS, event.fatal() ? "error" : "active"),
                set(LAST_ERROR, error(event.message(), event.fatal(), event.syncId(), event.at()))));
    }

    @EventHandler
    public void on(MarketingSourceFailed event) {
        repository.update(event.marketingSourceId(), combine(set(STATUS, "error"),
                set(LAST_ERROR, error(event.message(), true, event.syncId(), event.at()))));
    }

    @EventHandler
    public void on(MetricDayRecorded event) {
        repository.countDay(event);
    }

    @EventHandler
    public void on(MetricsImported event) {
        repository.update(event.marketingSourceId(), set("lastImport", new Document("importId", event.importId())
                .append("rowCount", event.rowCount()).append("changedDays", event.changedDays().size())
                .append("rejectedLines", event.rejectedLines().size()).append("at", toDate(event.at()))));
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The source, or null when unknown. */
    @QueryHandler
    public MarketingSourceView handle(FindMarketingSource query) {
        return repository.find(query.marketingSourceId());
    }

    /** Every marketing source, oldest first. */
    @QueryHandler
    public List<MarketingSourceView> handle(FindMarketingSources query) {
        return repository.findAll();
    }
}
