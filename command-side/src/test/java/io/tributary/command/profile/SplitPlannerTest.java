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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The split's re-decision of a survivor's history, as a pure replay of its recorded events. */
class SplitPlannerTest {

    static final String SURVIVOR = "profile-ann";
    static final String SPLIT = "profile-bob";
    static final String ANN_ANON = "urn:anonymous_id:ann";
    static final String BOB_ANON = "urn:anonymous_id:bob";
    static final String NEW_ANON = "urn:anonymous_id:new";
    static final String SHOP_EMAIL = "urn:email:info@shop.example";
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    static Stream<Arguments> laterEvents() {
        return Stream.of(
                Arguments.of(List.of(BOB_ANON), Set.of(), true),
                Arguments.of(List.of(ANN_ANON), Set.of(), false),
                Arguments.of(List.of(BOB_ANON, SHOP_EMAIL), Set.of(), false),
                Arguments.of(List.of(BOB_ANON, SHOP_EMAIL), Set.of(SHOP_EMAIL), true),
                Arguments.of(List.of(NEW_ANON), Set.of(), false),
                Arguments.of(List.of(ANN_ANON, BOB_ANON), Set.of(), false),
                Arguments.of(List.of(BOB_ANON, ANN_ANON), Set.of(), true),
                Arguments.of(List.of("urn:anonymous_id:null", BOB_ANON), Set.of(), true));
    }

    @ParameterizedTest(name = "{0} with glue {1} goes to the split side: {2}")
    @MethodSource("laterEvents")
    void redecidesALaterEventByItsHighestPriorityKnownAlias(List<String> aliases, Set<String> glue, boolean moves) {
        List<Object> stream = mergedHistory();
        stream.add(recorded("r-later", aliases, T0.plusSeconds(7200), "s-later", true));

        SplitPlan plan = SplitPlanner.plan(SPLIT, stream, SplitPlannerTest::usable, glue).orElseThrow();

        assertThat(plan.movedRecords()).extracting(r -> r.recordId())
                .isEqualTo(moves ? List.of("r-later") : List.of());
        assertThat(plan.movedSessions()).extracting(SessionRef::sessionId)
                .isEqualTo(moves ? List.of("s-bob", "s-later") : List.of("s-bob"));
    }

    @Test
    void givesBackWhatTheSplitSideBroughtAndRestoresTheSurvivorsOwnProperties() {
        SplitPlan plan = SplitPlanner.plan(SPLIT, mergedHistory(), SplitPlannerTest::usable, Set.of()).orElseThrow();

        assertThat(plan.movedAliases()).containsExactly(BOB_ANON);
        assertThat(plan.movedProperties()).containsEntry("plan", new PropertyValue("gold", T0.plusSeconds(60)));
        assertThat(plan.remainingProperties()).containsEntry("plan", new PropertyValue("free", T0))
                .hasSize(1);
    }

    @Test
    void movesTheAliasesAndPropertiesThatAMovedEventBrought() {
        List<Object> stream = mergedHistory();
        Evidence later = new Evidence("r-later", "e-later", T0.plusSeconds(7200));
        stream.add(new AliasLinked(SURVIVOR, NEW_ANON, "unowned_alias", later));
        stream.add(new ProfilePropertiesUpdated(SURVIVOR, Map.of("city", new PropertyValue("Lyon", later.at())), later));
        stream.add(recorded("r-later", List.of(BOB_ANON, NEW_ANON), later.at(), "s-later", true));

        SplitPlan plan = SplitPlanner.plan(SPLIT, stream, SplitPlannerTest::usable, Set.of()).orElseThrow();

        assertThat(plan.movedAliases()).containsExactlyInAnyOrder(BOB_ANON, NEW_ANON);
        assertThat(plan.movedProperties()).containsKey("city");
        assertThat(plan.remainingProperties()).doesNotContainKey("city");
    }

    @Test
    void keepsASessionThatAlsoHoldsTheSurvivorsEventsOnTheSurvivor() {
        List<Object> stream = mergedHistory();
        stream.add(recorded("r-ann", List.of(ANN_ANON), T0.plusSeconds(7200), "s-shared", true));
        stream.add(recorded("r-bob", List.of(BOB_ANON), T0.plusSeconds(7260), "s-shared", false));

        SplitPlan plan = SplitPlanner.plan(SPLIT, stream, SplitPlannerTest::usable, Set.of()).orElseThrow();

        assertThat(plan.movedRecords()).extracting(r -> r.recordId()).containsExactly("r-bob");
        assertThat(plan.movedSessions()).extracting(SessionRef::sessionId).containsExactly("s-bob");
    }

    @Test
    void findsNothingToSplitWithoutAMergeOfThatProfile() {
        assertThat(SplitPlanner.plan("profile-carol", mergedHistory(), SplitPlannerTest::usable, Set.of())).isEmpty();
    }

    /** Ann (her own plan "free") absorbed Bob (plan "gold", one session), glued by the shop's email. */
    private static List<Object> mergedHistory() {
        Evidence created = new Evidence("r-0", "e-0", T0);
        Evidence merge = new Evidence("r-merge", "e-merge", T0.plusSeconds(3600));
        List<Object> stream = new ArrayList<>();
        stream.add(new ProfileCreated(SURVIVOR, List.of(ANN_ANON, SHOP_EMAIL), "new_profile", created));
        stream.add(new AliasLinked(SURVIVOR, ANN_ANON, "new_profile", created));
        stream.add(new AliasLinked(SURVIVOR, SHOP_EMAIL, "new_profile", created));
        stream.add(new ProfilePropertiesUpdated(SURVIVOR, Map.of("plan", new PropertyValue("free", T0)), created));
        stream.add(new ProfilesMerged(SURVIVOR, SURVIVOR, SPLIT, List.of(SHOP_EMAIL, BOB_ANON), List.of(BOB_ANON),
                Map.of("plan", new PropertyValue("gold", T0.plusSeconds(60))),
                List.of(new SessionRef("s-bob", T0.plusSeconds(30), T0.plusSeconds(90), "google")), "shared_alias",
                merge));
        return stream;
    }

    private static EventRecorded recorded(String recordId, List<String> aliases, Instant at, String sessionId,
                                          boolean startsSession) {
        TrackedEvent event = new TrackedEvent("Page Viewed", "client-" + recordId, Map.of(), Map.of(), aliases, at,
                "+00:00", List.of());
        return new EventRecorded(SURVIVOR, recordId, "web", SourceType.BROWSER, at, event, "fp", sessionId,
                startsSession, startsSession ? "direct" : null, false);
    }

    private static Optional<String> usable(String raw) {
        var alias = AliasRules.defaults().parse(raw);
        return alias.isValid() && !alias.blocked() ? Optional.of(alias.urn()) : Optional.empty();
    }
}
