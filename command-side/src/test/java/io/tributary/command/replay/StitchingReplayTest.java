package io.tributary.command.replay;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.rules.IdentityReplay;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.ReplayPlacement;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.session.SessionPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StitchingReplayTest {

    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Map<String, Integer> LIMITS = Map.of("user_id", 1, "customer_id", 1, "email", 5, "phone", 5,
            "anonymous_id", 100);
    private static final IdentityRuleSet IN_FORCE = new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED,
            ofMinutes(60));
    private static final String SHARED = "urn:email:info@shop.example";

    /** A tracked event of the script: its record id, minutes after T0, browser or server, and its aliases. */
    record Tracked(String recordId, long minute, boolean browser, List<String> aliases) {
        static Tracked browser(String recordId, long minute, String... aliases) {
            return new Tracked(recordId, minute, true, List.of(aliases));
        }

        static Tracked server(String recordId, long minute, String... aliases) {
            return new Tracked(recordId, minute, false, List.of(aliases));
        }

        TrackedEvent event() {
            return new TrackedEvent(browser ? "Page Viewed" : "Placed Order", recordId, Map.of(), Map.of(), aliases,
                    T0.plus(Duration.ofMinutes(minute)), null, List.of());
        }

        @Override
        public String toString() {
            return recordId;
        }
    }

    /** Two visitors who each typed the shop's own info address into the newsletter box. */
    private static final List<Tracked> SHARED_EMAIL = List.of(
            Tracked.browser("a1", 0, "urn:anonymous_id:a"),
            Tracked.server("a2", 5, "urn:anonymous_id:a", SHARED),
            Tracked.browser("b1", 10, "urn:anonymous_id:b"),
            Tracked.server("b2", 15, "urn:anonymous_id:b", SHARED));

    /** Two people with an email each, then an order that names the first one's browser and the second one's email. */
    private static final List<Tracked> CROSSED_ORDER = List.of(
            Tracked.server("x1", 0, "urn:anonymous_id:x", "urn:email:x@example.com"),
            Tracked.server("y1", 10, "urn:anonymous_id:y", "urn:email:y@example.com"),
            Tracked.server("o1", 20, "urn:anonymous_id:x", "urn:email:y@example.com"));

    private static final List<Tracked> THREE_VISITS = List.of(
            Tracked.browser("v1", 0, "urn:anonymous_id:v"),
            Tracked.browser("v2", 40, "urn:anonymous_id:v"),
            Tracked.browser("v3", 80, "urn:anonymous_id:v"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void replaysTrackedEventsUnderCandidateRules(String change, IdentityRuleSet rules, List<Tracked> script,
                                                 String expectedPeople, int expectedSessions) {
        Replayed replayed = replay(rules, script);

        assertThat(replayed.people()).isEqualTo(expectedPeople);
        assertThat(replayed.sessions).isEqualTo(expectedSessions);
    }

    static Stream<Arguments> candidates() {
        return Stream.of(
                arguments("the rules in force: a shared email glues two people", IN_FORCE, SHARED_EMAIL,
                        "[[a1, a2, b1, b2]]", 2),
                arguments("a blocked value no longer glues two people", blocked("info@shop.example"), SHARED_EMAIL,
                        "[[a1, a2], [b1, b2]]", 2),
                arguments("a blocked value is matched like the live rules match it (case folded)",
                        blocked("INFO@shop.example"), SHARED_EMAIL, "[[a1, a2], [b1, b2]]", 2),
                arguments("the rules in force: an order naming two people merges them", IN_FORCE, CROSSED_ORDER,
                        "[[o1, x1, y1]]", 0),
                arguments("a lower alias limit splits", limited("email", 1), CROSSED_ORDER, "[[o1, y1], [x1]]", 0),
                arguments("a changed priority changes who keeps the event a limit kept apart",
                        prioritised(limited("email", 1), "anonymous_id", "email"), CROSSED_ORDER,
                        "[[o1, x1], [y1]]", 0),
                arguments("the rules in force: visits 40 minutes apart are one session", IN_FORCE, THREE_VISITS,
                        "[[v1, v2, v3]]", 1),
                arguments("a shorter session timeout cuts more sessions", timedOut(ofMinutes(30)), THREE_VISITS,
                        "[[v1, v2, v3]]", 3),
                arguments("a longer session timeout cuts fewer", timedOut(ofMinutes(120)),
                        List.of(Tracked.browser("w1", 0, "urn:anonymous_id:w"),
                                Tracked.browser("w2", 90, "urn:anonymous_id:w")), "[[w1, w2]]", 1));
    }

    @Test
    void keepsTheSharedAliasesOfAMergeAsTheSurvivorsGlue() {
        Replayed replayed = replay(IN_FORCE, SHARED_EMAIL);

        String person = replayed.replay.personOf("b2");
        assertThat(replayed.replay.glueOf(person)).containsExactlyInAnyOrder(SHARED, "urn:anonymous_id:b");
        assertThat(replayed.replay.aliasesOf(person))
                .containsExactlyInAnyOrder("urn:anonymous_id:a", "urn:anonymous_id:b", SHARED);
    }

    @Test
    void blocksQuarantinedValuesUnderAnyRules() {
        StitchingReplayer replayer = new StitchingReplayer(() -> IN_FORCE, SHARED::equals, SessionPolicy.defaults());

        Replayed replayed = replay(replayer.start(IN_FORCE, e -> null), SHARED_EMAIL);

        assertThat(replayed.people()).isEqualTo("[[a1, a2], [b1, b2]]");
    }

    @Test
    void stitchesADuplicateCopyToThePersonOfTheKeptCopy() {
        IdentityReplay replay = replayer().start(IN_FORCE, e -> null);
        replay.record("k1", Tracked.server("k1", 0, "urn:anonymous_id:k").event(), false);
        replay.record("m1", Tracked.server("m1", 5, "urn:anonymous_id:m").event(), false);

        replay.duplicate(Tracked.server("k1-copy", 1, "urn:anonymous_id:m").event(), "k1");

        assertThat(replay.personOf("m1")).isEqualTo(replay.personOf("k1"));
    }

    @Test
    void startsASessionWhenTheTrafficSourceChanges() {
        TrafficSource google = new TrafficSource("google|cpc", "Paid Search", "Google", null, null, null, null, null);
        TrafficSource meta = new TrafficSource("meta|cpc", "Paid Social", "Meta", null, null, null, null, null);
        IdentityReplay replay = replayer().start(IN_FORCE, e -> e.eventId().startsWith("g") ? google : meta);

        ReplayPlacement first = replay.record("g1", Tracked.browser("g1", 0, "urn:anonymous_id:s").event(), true);
        ReplayPlacement second = replay.record("m1", Tracked.browser("m1", 5, "urn:anonymous_id:s").event(), true);

        assertThat(first.startsSession()).isTrue();
        assertThat(second.startsSession()).isTrue();
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
    }

    private static StitchingReplayer replayer() {
        return new StitchingReplayer(() -> IN_FORCE, urn -> false, SessionPolicy.defaults());
    }

    private static Replayed replay(IdentityRuleSet rules, List<Tracked> script) {
        return replay(replayer().start(rules, e -> null), script);
    }

    private static Replayed replay(IdentityReplay replay, List<Tracked> script) {
        int sessions = 0;
        for (Tracked tracked : script) {
            sessions += replay.record(tracked.recordId(), tracked.event(), tracked.browser()).startsSession() ? 1 : 0;
        }
        return new Replayed(replay, script, sessions);
    }

    private record Replayed(IdentityReplay replay, List<Tracked> script, int sessions) {
        /** The records grouped by person, each group and the groups sorted: {@code [[a1, a2], [b1, b2]]}. */
        String people() {
            Map<String, TreeSet<String>> byPerson = new LinkedHashMap<>();
            script.forEach(t -> byPerson.computeIfAbsent(replay.personOf(t.recordId()), p -> new TreeSet<>())
                    .add(t.recordId()));
            List<String> groups = new ArrayList<>(byPerson.values().stream().map(Set::toString).toList());
            groups.sort(null);
            return groups.toString();
        }
    }

    private static IdentityRuleSet blocked(String... values) {
        return new IdentityRuleSet(LIMITS, Arrays.asList(values), AliasTypes.RANKED, ofMinutes(60));
    }

    private static IdentityRuleSet limited(String type, int max) {
        Map<String, Integer> limits = new LinkedHashMap<>(LIMITS);
        limits.put(type, max);
        return new IdentityRuleSet(limits, List.of(), AliasTypes.RANKED, ofMinutes(60));
    }

    private static IdentityRuleSet prioritised(IdentityRuleSet rules, String... types) {
        return new IdentityRuleSet(rules.aliasLimits(), rules.blockedValues(), List.of(types), rules.sessionTimeout());
    }

    private static IdentityRuleSet timedOut(Duration timeout) {
        return new IdentityRuleSet(LIMITS, List.of(), AliasTypes.RANKED, timeout);
    }
}
