package io.tributary.query.session;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.FindProfileSessions;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.SessionView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.util.List;

/**
 * Sessions with their traffic source, last activity and event count. A profile's sessions include those of
 * the profiles merged into it, whether or not their moves have been projected yet.
 */
@ProcessingGroup("sessions")
public class SessionProjection {

    private final SessionRepository repository;

    public SessionProjection(MongoDatabase database) {
        this.repository = new SessionRepository(database);
    }

    @EventHandler
    public void on(SessionStarted event) {
        repository.start(event);
    }

    @EventHandler
    public void on(EventRecorded event) {
        if (event.sessionId() != null) {
            repository.countEvent(event.sessionId(), event.profileId(), event.recordId(), event.event().timestamp());
        }
    }

    @EventHandler
    public void on(SessionMoved event) {
        repository.move(event.sessionId(), event.toProfileId());
    }

    @EventHandler
    public void on(ProfilesMerged event) {
        repository.recordMerge(event.mergedProfileId(), event.survivorProfileId());
    }

    @ResetHandler
    public void reset() {
        repository.clear();
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
