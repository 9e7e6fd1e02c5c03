package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.TrafficSource;
import io.tributary.app.identity.dryrun.DryRunDiff.Channel;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Follows every session through a replay: its classification as recorded (SessionStarted, then any
 * SessionReclassified) and under the candidate rules. Also rewrites each SessionStarted for the shadow "after"
 * read model, and counts orders without a session whose own landing would be classified differently.
 */
final class ChannelReplay {

    static final String LANDING_SITE = "landing_site";
    static final String REFERRING_SITE = "referring_site";
    private static final String SHREDDED = "[erased]";

    private final ChannelClassifier channels;
    private final ChannelRuleSet recorded;
    private final ChannelRuleSet candidate;
    private final Map<String, Followed> sessions = new HashMap<>();
    private long sessionlessOrdersChanged;

    /** @param recorded the rules in force; @param candidate the rules to try (or to restate history with) */
    ChannelReplay(ChannelClassifier channels, ChannelRuleSet recorded, ChannelRuleSet candidate) {
        this.channels = channels;
        this.recorded = recorded;
        this.candidate = candidate;
    }

    /**
     * The SessionStarted the session would have had under the candidate rules. A session whose landing was shredded
     * (erasure, retention) cannot be classified again: it keeps what it has, and is no change.
     */
    SessionStarted started(SessionStarted s) {
        if (SHREDDED.equals(s.landingUrl()) || SHREDDED.equals(s.referrer())) {
            return s;
        }
        TrafficSource to = channels.classify(s.landingUrl(), s.referrer(), candidate);
        sessions.put(s.sessionId(), new Followed(s.sessionId(), s.profileId(), s.startedAt(),
                new Channel(s.channelGroup(), s.channel(), s.campaign()), s.adSet(), s.ad(), to));
        return new SessionStarted(s.sessionId(), s.profileId(), s.recordId(), s.startedAt(), to.channelGroup(),
                to.channel(), to.campaign(), to.adSet(), to.ad(), s.landingUrl(), s.referrer(), to.rulesVersion());
    }

    void reclassified(SessionReclassified r) {
        Followed session = sessions.get(r.sessionId());
        if (session != null) {
            sessions.put(r.sessionId(), session.now(new Channel(r.channelGroup(), r.channel(), r.campaign()), r.adSet(),
                    r.ad()));
        }
    }

    void sessionlessConversion(EventRecorded order) {
        Object landing = order.event().properties().get(LANDING_SITE);
        Object referrer = order.event().properties().get(REFERRING_SITE);
        if (order.sessionId() != null || landing == null && referrer == null) {
            return;
        }
        String l = landing == null ? null : landing.toString();
        String r = referrer == null ? null : referrer.toString();
        if (!channelOf(channels.classify(l, r, recorded)).equals(channelOf(channels.classify(l, r, candidate)))) {
            sessionlessOrdersChanged++;
        }
    }

    long sessionlessOrdersChanged() {
        return sessionlessOrdersChanged;
    }

    /** Sessions whose channel group, channel or campaign would change (or, for an apply: ad set or ad too). */
    Stream<Followed> changed(boolean withAds) {
        return sessions.values().stream().filter(s -> s.differs(withAds))
                .sorted(Comparator.comparing(Followed::startedAt, Comparator.nullsFirst(
                        Comparator.naturalOrder())).thenComparing(Followed::sessionId));
    }

    static Channel channelOf(TrafficSource source) {
        return new Channel(source.channelGroup(), source.channel(), source.campaign());
    }

    record Followed(String sessionId, String profileId, Instant startedAt, Channel now, String adSet, String ad,
                    TrafficSource candidate) {

        Followed now(Channel channel, String newAdSet, String newAd) {
            return new Followed(sessionId, profileId, startedAt, channel, newAdSet, newAd, candidate);
        }

        boolean differs(boolean withAds) {
            return !now.equals(channelOf(candidate)) || withAds
                    && !(Objects.equals(adSet, candidate.adSet()) && Objects.equals(ad, candidate.ad()));
        }
    }
}
