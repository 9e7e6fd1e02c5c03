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
import io.tributary.api.source.SourceTokenRotated;
import io.tributary.api.source.SourceView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

import static com.mongodb.client.model.Updates.set;

/**
 * Sources with their settings, and how many records each sent: accepted, duplicate, rejected, and when last.
 * Store sources also show their connection (secrets masked) and the progress of their latest backfill.
 */
@ProcessingGroup("sources")
public class SourceProjection {

    static final String ACCEPTED = "acceptedCount";
    static final String DUPLICATE = "duplicateCount";
    static final String REJECTED = "rejectedCount";

    private final SourceRepository repository;

    public SourceProjection(MongoDatabase database) {
        this.repository = new SourceRepository(database);
    }

    @EventHandler
    public void on(SourceCreated event) {
        repository.create(event);
    }

    @EventHandler
    public void on(SourceRenamed event) {
        repository.update(event.sourceId(), set("name", event.name()));
    }

    @EventHandler
    public void on(SourceDisabled event) {
        repository.update(event.sourceId(), set("status", "disabled"));
    }

    @EventHandler
    public void on(SourceEnabled event) {
        repository.update(event.sourceId(), set("status", "active"));
    }

    @EventHandler
    public void on(SourceTokenRotated event) {
        repository.update(event.sourceId(), set("token", event.token()));
    }

    @EventHandler
    public void on(CommerceStoreConnected event) {
        repository.connect(event);
    }

    @EventHandler
    public void on(SigningSecretRotated event) {
        repository.rotateSecret(event);
    }

    @EventHandler
    public void on(BackfillStarted event) {
        repository.startBackfill(event);
    }

    @EventHandler
    public void on(BackfillPageImported event) {
        repository.countBackfillPage(event);
    }

    @EventHandler
    public void on(BackfillCompleted event) {
        repository.completeBackfill(event);
    }

    @EventHandler
    public void on(BackfillFailed event) {
        repository.failBackfill(event);
    }

    @EventHandler
    public void on(EventRecorded event) {
        repository.count(event.sourceId(), event.recordId(), ACCEPTED, event.receivedAt());
    }

    @EventHandler
    public void on(DuplicateDiscarded event) {
        repository.count(event.sourceId(), event.recordId(), DUPLICATE, event.receivedAt());
    }

    @EventHandler
    public void on(PayloadRejected event) {
        repository.count(event.sourceId(), event.recordId(), REJECTED, event.receivedAt());
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
