package io.tributary.app.identity.dryrun;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.rules.IdentityReplayer;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.session.TrafficSource;
import io.tributary.api.source.SourceType;
import io.tributary.app.identity.dryrun.DryRunDiff.Channel;
import io.tributary.app.identity.dryrun.DryRunDiff.ProfileChange;
import io.tributary.app.identity.dryrun.DryRunDiff.SessionChange;
import io.tributary.command.replay.StitchingReplayer;
import io.tributary.command.session.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The diff of two replays of one recorded history: who splits or merges, which sessions start elsewhere. */
class IdentityComparisonTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Map<String, Integer> LIMITS = Map.of("user_id", 1, "email", 5, "anonymous_id", 100);
    private static final IdentityRuleSet IN_FORCE = new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED,
            ofMinutes(60));
    private static final String SHARED = "urn:email:info@shop.example";
    private static final TrafficSource DIRECT = new TrafficSource(null, "Direct", "Direct", null, null, null, null, null);
    private static final Function<TrackedEvent, TrafficSource> CLASSIFY = e -> DIRECT;

    private final IdentityReplayer replayer = new StitchingReplayer(() -> IN_FORCE, urn -> false,
            SessionPolicy.defaults());

    @Test
    void aBlockedSharedEmailSplitsTheLiveProfileItGluedAndNamesTheEmail() {
        IdentityComparison comparison = compare(new IdentityRuleSet(LIMITS, List.of("info@shop.example"),
                AliasTypes.RANKED, ofMinutes(60)));
        feed(comparison, recorded("a1", "pa", 0, true, "urn:anonymous_id:a"),
                recorded("a2", "pa", 5, false, "urn:anonymous_id:a", SHARED),
                recorded("b1", "pb", 10, true, "urn:anonymous_id:b"),
                merged("pa", "pb"),
                recorded("b2", "pa", 15, false, "urn:anonymous_id:b", SHARED));

        PeopleDiff people = PeopleDiff.of(comparison);

        assertThat(people.split()).isEqualTo(1);
        assertThat(people.merged()).isZero();
        assertThat(people.splitProfiles()).containsExactly("pa");
        assertThat(people.changes()).containsExactly(new ProfileChange("split", List.of("pa"), 4, 2, List.of(SHARED)));
        assertThat(people.newlyBlockedGlue()).containsExactly(SHARED);
    }

    @Test
    void unblockingAnEmailMergesAndNamesTheEmail() {
        IdentityReplayer blocking = new StitchingReplayer(() -> IN_FORCE, SHARED::equals, SessionPolicy.defaults());
        IdentityComparison comparison = new IdentityComparison(blocking.start(IN_FORCE, CLASSIFY), CLASSIFY,
                replayer.start(IN_FORCE, CLASSIFY), CLASSIFY);
        feed(comparison, recorded("a1", "pa", 0, false, "urn:anonymous_id:a", SHARED),
                recorded("b1", "pb", 10, false, "urn:anonymous_id:b", SHARED));

        PeopleDiff people = PeopleDiff.of(comparison);

        assertThat(people.merged()).isEqualTo(1);
        assertThat(people.mergedProfiles()).containsExactly("pa", "pb");
        assertThat(people.changes()).singleElement().extracting(ProfileChange::change, ProfileChange::aliases)
                .containsExactly("merge", List.of(SHARED));
        assertThat(people.newlyBlockedGlue()).isEmpty();
    }

    @Test
    void aShorterTimeoutStartsSessionsWhereVisitsWereJoinedBefore() {
        IdentityComparison comparison = compare(new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED,
                ofMinutes(30)));
        feed(comparison, recorded("v1", "pv", 0, true, "urn:anonymous_id:v"),
                recorded("v2", "pv", 40, true, "urn:anonymous_id:v"),
                recorded("v3", "pv", 80, true, "urn:anonymous_id:v"));

        SessionCuts cuts = SessionCuts.of(comparison);

        assertThat(cuts.before()).isEqualTo(1);
        assertThat(cuts.after()).isEqualTo(3);
        assertThat(cuts.changed()).isEqualTo(2);
        Channel direct = new Channel("Direct", "Direct", null);
        assertThat(cuts.listed()).containsExactly(
                new SessionChange("session-of-v2", "pv", T0.plus(ofMinutes(40)), direct, direct, "starts"),
                new SessionChange("session-of-v3", "pv", T0.plus(ofMinutes(80)), direct, direct, "starts"));
        assertThat(PeopleDiff.of(comparison).changes()).isEmpty();
    }

    @Test
    void aLongerTimeoutJoinsAVisitThatStartedASessionBefore() {
        IdentityComparison comparison = compare(new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED,
                ofMinutes(120)));
        feed(comparison, recorded("w1", "pw", 0, true, "urn:anonymous_id:w"),
                recorded("w2", "pw", 90, true, "urn:anonymous_id:w"));

        SessionCuts cuts = SessionCuts.of(comparison);

        assertThat(cuts.before()).isEqualTo(2);
        assertThat(cuts.after()).isEqualTo(1);
        assertThat(cuts.listed()).singleElement().extracting(SessionChange::sessionId, SessionChange::change)
                .containsExactly("session-of-w2", "joins");
    }

    @Test
    void candidateChannelRulesChangeTheChannelOfASessionThatStartsOnBothSides() {
        TrafficSource email = new TrafficSource("news|email", "Email", "News", "spring", null, null, null, null);
        IdentityComparison comparison = new IdentityComparison(replayer.start(IN_FORCE, CLASSIFY), CLASSIFY,
                replayer.start(IN_FORCE, e -> email), e -> email);
        feed(comparison, recorded("n1", "pn", 0, true, "urn:anonymous_id:n"),
                recorded("n2", "pn", 5, false, "urn:anonymous_id:n"));

        SessionCuts cuts = SessionCuts.of(comparison);

        assertThat(cuts.before()).isEqualTo(cuts.after()).isEqualTo(1);
        assertThat(cuts.listed()).containsExactly(new SessionChange("session-of-n1", "pn", T0,
                new Channel("Direct", "Direct", null), new Channel("Email", "News", "spring"), "channel"));
    }

    @Test
    void feedsEachSideItsOwnPeopleAndSessions() {
        IdentityComparison comparison = compare(new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED,
                ofMinutes(30)));
        feed(comparison, recorded("v1", "pv", 0, true, "urn:anonymous_id:v"),
                recorded("v2", "pv", 40, true, "urn:anonymous_id:v"));
        List<Object> after = new java.util.ArrayList<>();

        comparison.shadowEvents(IdentityComparison.Side.AFTER, after::add);

        assertThat(after).filteredOn(EventRecorded.class::isInstance).map(EventRecorded.class::cast)
                .extracting(EventRecorded::recordId, EventRecorded::startsSession)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", true),
                        org.assertj.core.groups.Tuple.tuple("v2", true));
        assertThat(after).filteredOn(io.tributary.api.session.SessionStarted.class::isInstance).hasSize(2);
    }

    private IdentityComparison compare(IdentityRuleSet candidate) {
        return new IdentityComparison(replayer.start(IN_FORCE, CLASSIFY), CLASSIFY,
                replayer.start(candidate, CLASSIFY), CLASSIFY);
    }

    private static void feed(IdentityComparison comparison, Object... payloads) {
        for (Object payload : payloads) {
            comparison.feed(payload);
        }
    }

    private static EventRecorded recorded(String recordId, String profileId, long minute, boolean browser,
                                          String... aliases) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        TrackedEvent event = new TrackedEvent(browser ? "Page Load" : "Signed Up", recordId, Map.of(), Map.of(),
                List.of(aliases), at, null, List.of());
        return new EventRecorded(profileId, recordId, "source", browser ? SourceType.BROWSER : SourceType.SERVER, at,
                event, "f-" + recordId, "session-of-" + recordId, browser, null, true);
    }

    private static ProfilesMerged merged(String survivor, String merged) {
        return new ProfilesMerged(survivor, survivor, merged, List.of(SHARED), List.of(), Map.of(), List.of(),
                "shared_alias", new Evidence("r", "e", T0), 1);
    }
}
