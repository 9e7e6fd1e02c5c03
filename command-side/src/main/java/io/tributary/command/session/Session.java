package io.tributary.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.session.MoveSession;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.StartSession;
import io.tributary.api.session.TrafficSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One visit: its profile and the channel it was attributed to when it started. */
@Aggregate(cache = "aggregateCache")
class Session {

    @AggregateIdentifier
    private String sessionId;
    private String profileId;

    /** Required by Axon. */
    Session() {
    }

    @CommandHandler
    Session(StartSession command) {
        TrafficSource source = command.trafficSource();
        apply(new SessionStarted(command.sessionId(), command.profileId(), command.recordId(), command.startedAt(),
                source.channelGroup(), source.channel(), source.campaign(), source.adSet(), source.ad(),
                source.landingUrl(), source.referrer()));
    }

    @CommandHandler
    void handle(MoveSession command) {
        if (!isOwnedBy(command.toProfileId())) {
            apply(new SessionMoved(sessionId, profileId, command.toProfileId(), command.mergeRecordId()));
        }
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        profileId = event.profileId();
    }

    @EventSourcingHandler
    void on(SessionMoved event) {
        profileId = event.toProfileId();
    }

    private boolean isOwnedBy(String candidate) {
        return candidate.equals(profileId);
    }
}
