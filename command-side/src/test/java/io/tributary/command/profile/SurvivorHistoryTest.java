package io.tributary.command.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionRef;
import io.tributary.api.source.SourceType;
import io.tributary.command.ingestion.AliasRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A split plans over the survivor's history without the tracked events recorded before the merge it undoes (they
 * stay serialised): the plan is the one over the whole history.
 */
class SurvivorHistoryTest {

    static final String SURVIVOR = "profile-ann";
    static final String BOB = "profile-bob";
    static final String CAROL = "profile-carol";
    static final String ANN_ANON = "urn:anonymous_id:ann";
    static final String BOB_ANON = "urn:anonymous_id:bob";
    static final String CAROL_ANON = "urn:anonymous_id:carol";
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @ParameterizedTest(name = "undoing {0}: the same plan, {1} tracked events left serialised")
    @CsvSource({"profile-bob, 2", "profile-carol, 4"})
    void plansTheSameWithoutTheTrackedEventsBeforeTheMerge(String splitId, int leftOut) {
        List<Message<?>> stream = history();

        List<Object> relevant = SurvivorHistory.relevantTo(splitId, stream);

        List<Object> whole = stream.stream().map(m -> (Object) m.getPayload()).toList();
        assertThat(whole.size() - relevant.size()).isEqualTo(leftOut);
        assertThat(SplitPlanner.plan(splitId, relevant, SurvivorHistoryTest::usable, Set.of()))
                .isPresent().isEqualTo(SplitPlanner.plan(splitId, whole, SurvivorHistoryTest::usable, Set.of()));
    }

    /** Ann's own events, Bob merged in, events of both, Carol merged in, events of all three. */
    private static List<Message<?>> history() {
        Evidence created = new Evidence("r-0", "e-0", T0);
        List<Object> events = new ArrayList<>();
        events.add(new ProfileCreated(SURVIVOR, List.of(ANN_ANON), "new_profile", created));
        events.add(new AliasLinked(SURVIVOR, ANN_ANON, "new_profile", created));
        events.add(new ProfilePropertiesUpdated(SURVIVOR, Map.of("plan", new PropertyValue("free", T0)), created));
        events.add(recorded("r-1", ANN_ANON, 60, "s-ann", true));
        events.add(recorded("r-2", ANN_ANON, 120, "s-ann", false));
        events.add(merge(BOB, BOB_ANON, 3600));
        events.add(recorded("r-3", BOB_ANON, 3700, "s-3", true));
        events.add(recorded("r-4", ANN_ANON, 9000, "s-4", true));
        events.add(merge(CAROL, CAROL_ANON, 20_000));
        events.add(recorded("r-5", CAROL_ANON, 20_100, "s-5", true));
        events.add(recorded("r-6", BOB_ANON, 30_000, "s-6", true));
        return events.stream().<Message<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    private static ProfilesMerged merge(String other, String alias, long second) {
        Instant at = T0.plusSeconds(second);
        return new ProfilesMerged(SURVIVOR, SURVIVOR, other, List.of(alias), List.of(alias),
                Map.of("plan", new PropertyValue("gold-" + other, at)),
                List.of(new SessionRef("s-" + other, at.minusSeconds(60), at.minusSeconds(30), "google")),
                "shared_alias", new Evidence("r-merge-" + other, "e-merge-" + other, at));
    }

    private static EventRecorded recorded(String recordId, String alias, long second, String sessionId,
                                          boolean startsSession) {
        Instant at = T0.plusSeconds(second);
        TrackedEvent event = new TrackedEvent("Page Viewed", "client-" + recordId, Map.of(), Map.of(), List.of(alias),
                at, "+00:00", List.of());
        return new EventRecorded(SURVIVOR, recordId, "web", SourceType.BROWSER, at, event, "fp", sessionId,
                startsSession, startsSession ? "direct" : null, false);
    }

    private static Optional<String> usable(String raw) {
        var alias = AliasRules.defaults().parse(raw);
        return alias.isValid() && !alias.blocked() ? Optional.of(alias.urn()) : Optional.empty();
    }
}
