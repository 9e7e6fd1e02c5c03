package io.tributary.saga.split;

import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.session.MoveSession;
import io.tributary.api.session.SessionRef;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The reverse of {@code ProfileMergeSaga}: when a merge is undone, each session that went back to the split side
 * is moved to it ({@code MoveSession}, recorded as {@code SessionMoved}). A move to the profile that already owns
 * the session records nothing, so a redelivered split moves nothing twice. Never replayed: a replay would move
 * sessions that later decisions moved elsewhere.
 */
@Component
@ProcessingGroup(ProfileSplitSessions.PROCESSING_GROUP)
public class ProfileSplitSessions {

    public static final String PROCESSING_GROUP = "profile-split-sessions";
    private static final Logger log = LoggerFactory.getLogger(ProfileSplitSessions.class);

    private final CommandGateway commandGateway;

    public ProfileSplitSessions(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    @DisallowReplay
    void on(ProfileSplit event) {
        if (!event.isSurvivorSide()) {
            return;
        }
        for (SessionRef session : event.movedSessions()) {
            try {
                commandGateway.sendAndWait(new MoveSession(session.sessionId(), event.splitProfileId(),
                        event.evidence().recordId()));
            } catch (AggregateNotFoundException e) {
                log.warn("Session {} of a split profile does not exist; not moved", session.sessionId());
            }
        }
    }
}
