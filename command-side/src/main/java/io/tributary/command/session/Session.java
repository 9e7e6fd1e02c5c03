package io.tributary.command.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.session.MoveSession;
import io.tributary.api.session.ReclassifySession;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.StartSession;
import io.tributary.api.session.TrafficSource;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.spring.stereotype.Aggregate;

/** One visit: its profile and the channel it was attributed to when it started. */
@Aggregate(cache = "aggregateCache")
class Session {

    @AggregateIdentifier
    private String sessionId;
    private String profileId;
    private Instant startedAt;
    private String channelGroup;
    private String channel;
    private String campaign;
    private String adSet;
    private String ad;

    /** Required by Axon. */
    Session() {
    }

    @CommandHandler
    Session(StartSession command) {
        TrafficSource source = command.trafficSource();
        apply(new SessionStarted(command.sessionId(), command.profileId(), command.recordId(), command.startedAt(),
                source.channelGroup(), source.channel(), source.campaign(), source.adSet(), source.ad(),
                source.landingUrl(), source.referrer(), source.rulesVersion(), command.sourceId()));
    }

    @CommandHandler
    void handle(MoveSession command) {
        if (!isOwnedBy(command.toProfileId())) {
            apply(new SessionMoved(sessionId, profileId, command.toProfileId(), command.mergeRecordId()));
        }
    }

    @CommandHandler
    void handle(ReclassifySession command) {
        TrafficSource to = command.trafficSource();
        if (!isClassifiedAs(to)) {
            apply(new SessionReclassified(sessionId, profileId, startedAt, channelGroup, channel, campaign, adSet, ad,
                    to.channelGroup(), to.channel(), to.campaign(), to.adSet(), to.ad(), to.rulesVersion()));
        }
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        profileId = event.profileId();
        startedAt = event.startedAt();
        classifyAs(event.channelGroup(), event.channel(), event.campaign(), event.adSet(), event.ad());
    }

    @EventSourcingHandler
    void on(SessionReclassified event) {
        classifyAs(event.channelGroup(), event.channel(), event.campaign(), event.adSet(), event.ad());
    }

    private void classifyAs(String channelGroup, String channel, String campaign, String adSet, String ad) {
        this.channelGroup = channelGroup;
        this.channel = channel;
        this.campaign = campaign;
        this.adSet = adSet;
        this.ad = ad;
    }

    @EventSourcingHandler
    void on(SessionMoved event) {
        profileId = event.toProfileId();
    }

    private boolean isClassifiedAs(TrafficSource source) {
        return Objects.equals(channelGroup, source.channelGroup()) && Objects.equals(channel, source.channel())
                && Objects.equals(campaign, source.campaign()) && Objects.equals(adSet, source.adSet())
                && Objects.equals(ad, source.ad());
    }

    private boolean isOwnedBy(String candidate) {
        return candidate.equals(profileId);
    }
}
