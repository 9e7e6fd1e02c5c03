package io.tributary.query.session;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.UnitOfWorkBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;
import java.util.Objects;

/**
 * Sessions with their traffic source, last activity and event count. A profile's sessions include those of
 * the profiles merged into it, whether or not their moves have been projected yet. Handlers work on one
 * {@link UnitOfWorkBatches batch} per processor batch: a few reads and one bulk write per collection.
 */
@ProcessingGroup("sessions")
public class SessionProjection {

    private final SessionRepository repository;
    private final UnitOfWorkBatches batches;

    public SessionProjection(MongoDatabase database) {
        this.repository = new SessionRepository(database);
        this.batches = new UnitOfWorkBatches(database, this::load);
    }

    @EventHandler
    public void on(SessionStarted event) {
        batches.run(batch -> repository.start(batch, event));
    }

    @EventHandler
    public void on(EventRecorded event) {
        batches.run(batch -> {
            if (event.sessionId() != null) {
                repository.countEvent(batch, event.sessionId(), event.profileId(), event.recordId(),
                        event.event().timestamp());
            }
        });
    }

    @EventHandler
    public void on(SessionMoved event) {
        batches.run(batch -> repository.move(batch, event.sessionId(), event.toProfileId()));
    }

    @EventHandler
    public void on(SessionReclassified event) {
        batches.run(batch -> repository.reclassify(batch, event));
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        batches.run(batch -> repository.recordMerge(batch, event.mergedProfileId(), event.survivorProfileId()));
    }

    /** The split side resolves to itself again; its sessions come back to it as {@code SessionMoved}. */
    @EventHandler
    public void on(ProfileSplit event) {
        batches.run(batch -> {
            if (event.isSurvivorSide()) {
                repository.forgetMerge(batch, event.splitProfileId());
            }
        });
    }

    @ResetHandler
    public void reset() {
        repository.clear();
    }

    /** The sessions the batch's events will change. */
    private void load(DocumentBatch batch, List<Object> events) {
        repository.load(batch, events.stream().map(event -> event instanceof SessionStarted s ? s.sessionId()
                : event instanceof EventRecorded e ? e.sessionId()
                : event instanceof SessionMoved m ? m.sessionId()
                : event instanceof SessionReclassified r ? r.sessionId() : null).filter(Objects::nonNull).toList());
    }

    /**
     * Ordered by start (sessions not started yet last). A merged-away id answers its survivor's sessions, and
     * every session shows the survivor as its profile.
     */
    @QueryHandler
    public List<SessionView> handle(FindProfileSessions query) {
        return repository.ofProfile(query.profileId());
    }
}
