package io.tributary.query.marketing;

import static io.tributary.query.support.DocumentUpdates.child;
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
import io.tributary.api.marketing.MarketingSourceEvent;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MarketingSourceRenamed;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryScheduled;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.query.support.UnitOfWorkBatches;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;

/**
 * Marketing sources as operators see them: status, last sync, last error, last import and how many rows they
 * hold. Credentials appear masked only, as the events carry them. Handlers work on one {@link UnitOfWorkBatches
 * batch} per processor batch: one read and one bulk write.
 */
@ProcessingGroup("marketing-sources")
public class MarketingSourceProjection {

    private final MarketingSourceRepository repository;
    private final UnitOfWorkBatches batches;

    public MarketingSourceProjection(MongoDatabase database) {
        this.repository = new MarketingSourceRepository(database);
        this.batches = new UnitOfWorkBatches(database, (batch, events) -> repository.load(batch, events.stream()
                .map(event -> event instanceof MarketingSourceEvent e ? e.marketingSourceId()
                        : event instanceof MetricDayRecorded d ? d.marketingSourceId() : null)
                .filter(Objects::nonNull).toList()));
    }

    @EventHandler
    public void on(MarketingSourceCreated event) {
        batches.run(batch -> repository.create(batch, event));
    }

    @EventHandler
    public void on(MarketingSourceRenamed event) {
        batches.run(batch -> {
            Document source = repository.update(batch, event.marketingSourceId());
            if (source != null) {
                source.put("name", event.name());
            }
        });
    }

    @EventHandler
    public void on(MarketingCredentialsReplaced event) {
        batches.run(batch -> {
            Document source = repository.update(batch, event.marketingSourceId());
            if (source != null) {
                source.put("credentials", new Document(Map.copyOf(event.maskedCredentials())));
                source.put("importOnly", false);
            }
            repository.recoverFromError(batch, event.marketingSourceId());
        });
    }

    @EventHandler
    public void on(SyncStarted event) {
        batches.run(batch -> repository.startSync(batch, event.marketingSourceId(), event.syncId(),
                new Document("syncId", event.syncId()).append("trigger", event.trigger().name())
                        .append("from", event.from().toString()).append("to", event.to().toString())
                        .append("status", "running").append("startedAt", toDate(event.at()))));
    }

    @EventHandler
    public void on(SyncRowsRecorded event) {
        batches.run(batch -> {
            Document source = repository.updateSync(batch, event.marketingSourceId(), event.syncId());
            if (source != null) {
                Document lastSync = child(source, LAST_SYNC);
                String through = event.to().toString();
                Object current = lastSync.get("recordedThrough");
                if (current == null || current instanceof Number || current instanceof String s && s.compareTo(through) < 0) {
                    lastSync.put("recordedThrough", through); // $max: absent, null and numbers sort before strings
                }
            }
        });
    }

    @EventHandler
    public void on(SyncRetryScheduled event) {
        batches.run(batch -> {
            Document source = repository.updateSync(batch, event.marketingSourceId(), event.syncId());
            if (source != null) {
                Document lastSync = child(source, LAST_SYNC);
                Object retries = lastSync.get("retries");
                if (retries == null || retries instanceof Number n && n.longValue() < event.attempt()) {
                    lastSync.put("retries", event.attempt()); // $max
                }
                lastSync.put("retryAt", toDate(event.retryAt()));
                source.put(LAST_ERROR, error(event.reason(), false, event.syncId(), event.at()));
            }
        });
    }

    @EventHandler
    public void on(SyncCompleted event) {
        batches.run(batch -> {
            Document source = repository.updateSync(batch, event.marketingSourceId(), event.syncId());
            if (source != null) {
                Document lastSync = child(source, LAST_SYNC);
                lastSync.put("status", "completed");
                lastSync.put("finishedAt", toDate(event.at()));
                lastSync.put("pages", event.pages());
                lastSync.put("rowCount", event.rowCount());
                lastSync.put("changedDays", event.changedDays());
                lastSync.remove("retryAt");
                source.put(STATUS, "active");
            }
        });
    }

    @EventHandler
    public void on(SyncFailed event) {
        batches.run(batch -> {
            Document source = repository.updateSync(batch, event.marketingSourceId(), event.syncId());
            if (source != null) {
                Document lastSync = child(source, LAST_SYNC);
                lastSync.put("status", "failed");
                lastSync.put("finishedAt", toDate(event.at()));
                lastSync.remove("retryAt");
                source.put(STATUS, event.fatal() ? "error" : "active");
                source.put(LAST_ERROR, error(event.message(), event.fatal(), event.syncId(), event.at()));
            }
        });
    }

    @EventHandler
    public void on(MarketingSourceFailed event) {
        batches.run(batch -> {
            Document source = repository.update(batch, event.marketingSourceId());
            if (source != null) {
                source.put(STATUS, "error");
                source.put(LAST_ERROR, error(event.message(), true, event.syncId(), event.at()));
            }
        });
    }

    @EventHandler
    public void on(MetricDayRecorded event) {
        batches.run(batch -> repository.countDay(batch, event));
    }

    @EventHandler
    public void on(MetricsImported event) {
        batches.run(batch -> {
            Document source = repository.update(batch, event.marketingSourceId());
            if (source != null) {
                source.put("lastImport", new Document("importId", event.importId())
                        .append("rowCount", event.rowCount()).append("changedDays", event.changedDays().size())
                        .append("rejectedLines", event.rejectedLines().size()).append("at", toDate(event.at())));
            }
        });
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
