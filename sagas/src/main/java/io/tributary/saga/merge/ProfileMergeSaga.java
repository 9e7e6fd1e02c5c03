package io.tributary.saga.merge;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.MoveSession;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moves the sessions of a merged-away profile to the survivor, one {@code MoveSession} each, and ends when
 * every move is recorded ({@code SessionMoved}).
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ProfileMergeSaga {

    private static final String SESSION_ID = "sessionId";
    private static final Logger log = LoggerFactory.getLogger(ProfileMergeSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    private String survivorProfileId;
    private Set<String> pendingSessions;

    @StartSaga
    @SagaEventHandler(associationProperty = "mergedProfileId")
    void on(ProfilesMerged event) {
        if (!event.isSurvivorSide()) {
            endIfNothingPending();
            return;
        }
        survivorProfileId = event.survivorProfileId();
        pendingSessions = new LinkedHashSet<>();
        for (SessionRef session : event.mergedSessions()) {
            pendingSessions.add(session.sessionId());
            SagaLifecycle.associateWith(SESSION_ID, session.sessionId());
        }
        for (String sessionId : List.copyOf(pendingSessions)) {
            move(sessionId, event.evidence().recordId());
        }
        endIfNothingPending();
    }

    @SagaEventHandler(associationProperty = SESSION_ID)
    void on(SessionMoved event) {
        if (pendingSessions != null && event.toProfileId().equals(survivorProfileId)) {
            pendingSessions.remove(event.sessionId());
            endIfNothingPending();
        }
    }

    /** A session that cannot be moved (it is unknown) is given up on, so that the saga cannot hang. */
    private void move(String sessionId, String mergeRecordId) {
        try {
            commandGateway.sendAndWait(new MoveSession(sessionId, survivorProfileId, mergeRecordId));
        } catch (AggregateNotFoundException e) {
            log.warn("Session {} of a merged profile does not exist; not moved", sessionId);
            pendingSessions.remove(sessionId);
        }
    }

    private void endIfNothingPending() {
        if (pendingSessions == null || pendingSessions.isEmpty()) {
            SagaLifecycle.end();
        }
    }
}
