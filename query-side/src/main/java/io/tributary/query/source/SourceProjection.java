package io.tributary.query.source;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.FindSource;
import io.tributary.api.source.FindSources;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceDisabled;
import io.tributary.api.source.SourceEnabled;
import io.tributary.api.source.SourceRenamed;
import io.tributary.api.source.SourceEvent;
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceView;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sources with their settings, and how many records each sent: accepted, duplicate, rejected, and when last.
 * Store sources also show their connection (secrets masked) and the progress of their latest backfill. Handlers work on one {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per
 * collection.
 */
@ProcessingGroup("sources")
public class SourceProjection {

    static final String ACCEPTED = "acceptedCount";
    static final String DUPLICATE = "duplicateCount";
    static final String REJECTED = "rejectedCount";

    private final SourceRepository repository;
    private final UnitOfWorkBatches batches;

    public SourceProjection(MongoDatabase database) {
        this.repository = new SourceRepository(database);
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    @EventHandler
    public void on(SourceCreated event) {
        batches.run(batch -> repository.create(batch, event));
    }

    @EventHandler
    public void on(SourceRenamed event) {
        batches.run(batch -> repository.set(batch, event.sourceId(), "name", event.name()));
    }

    @EventHandler
    public void on(SourceDisabled event) {
        batches.run(batch -> repository.set(batch, event.sourceId(), "status", "disabled"));
    }

    @EventHandler
    public void on(SourceEnabled event) {
        batches.run(batch -> repository.set(batch, event.sourceId(), "status", "active"));
    }

    @EventHandler
    public void on(SourceTokenRotated event) {
        batches.run(batch -> repository.set(batch, event.sourceId(), "token", event.token()));
    }

    @EventHandler
    public void on(CommerceStoreConnected event) {
        batches.run(batch -> repository.connect(batch, event));
    }

    @EventHandler
    public void on(SigningSecretRotated event) {
        batches.run(batch -> repository.rotateSecret(batch, event));
    }

    @EventHandler
    public void on(BackfillStarted event) {
        batches.run(batch -> repository.startBackfill(batch, event));
    }

    @EventHandler
    public void on(BackfillPageImported event) {
        batches.run(batch -> repository.countBackfillPage(batch, event));
    }

    @EventHandler
    public void on(BackfillCompleted event) {
        batches.run(batch -> repository.completeBackfill(batch, event));
    }

    @EventHandler
    public void on(BackfillFailed event) {
        batches.run(batch -> repository.failBackfill(batch, event));
    }

    @EventHandler
    public void on(EventRecorded event) {
        count(event.sourceId(), event.recordId(), ACCEPTED, event.receivedAt());
    }

    @EventHandler
    public void on(DuplicateDiscarded event) {
        if (event.kind() != null && event.kind().isAuditOnly()) {
            return;
        }
        count(event.sourceId(), event.recordId(), DUPLICATE, event.receivedAt());
    }

    @EventHandler
    public void on(PayloadRejected event) {
        count(event.sourceId(), event.recordId(), REJECTED, event.receivedAt());
    }

    private void count(String sourceId, String recordId, String field, Instant receivedAt) {
        batches.run(batch -> repository.count(batch, sourceId, recordId, field, receivedAt));
    }

    /** The sources and counters the batch's events will change. */
    private void load(DocumentBatch batch, List<Object> events) {
        List<String> sourceIds = new ArrayList<>();
        List<String> buckets = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof SourceEvent source) {
                sourceIds.add(source.sourceId());
            } else if (event instanceof BackfillStarted b) {
                sourceIds.add(b.sourceId());
            } else if (event instanceof BackfillPageImported b) {
                sourceIds.add(b.sourceId());
            } else if (event instanceof BackfillCompleted b) {
                sourceIds.add(b.sourceId());
            } else if (event instanceof BackfillFailed b) {
                sourceIds.add(b.sourceId());
            } else if (event instanceof EventRecorded e) {
                buckets.add(SourceRepository.bucket(e.sourceId(), e.recordId()));
            } else if (event instanceof DuplicateDiscarded d) {
                buckets.add(SourceRepository.bucket(d.sourceId(), d.recordId()));
            } else if (event instanceof PayloadRejected r) {
                buckets.add(SourceRepository.bucket(r.sourceId(), r.recordId()));
            }
        }
        repository.load(batch, sourceIds, buckets);
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The source, or null when unknown. */
    @QueryHandler
    public SourceView handle(FindSource query) {
        return repository.find(query.sourceId());
    }

    /** Every source, in order of creation. */
    @QueryHandler
    public List<SourceView> handle(FindSources query) {
        return repository.findAll();
    }
}
