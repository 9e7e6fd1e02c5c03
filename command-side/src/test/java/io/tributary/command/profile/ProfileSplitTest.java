package io.tributary.command.profile;

import static io.tributary.command.profile.ProfileFixtures.ANONYMOUS_ID;
import static io.tributary.command.profile.ProfileFixtures.OTHER_ANONYMOUS_ID;
import static io.tributary.command.profile.ProfileFixtures.OTHER_PROFILE_ID;
import static io.tributary.command.profile.ProfileFixtures.PROFILE_ID;
import static io.tributary.command.profile.ProfileFixtures.T0;
import static io.tributary.command.profile.ProfileFixtures.createdWith;
import static io.tributary.command.profile.ProfileFixtures.mergeProfiles;
import static io.tributary.command.profile.ProfileFixtures.mergedProperties;
import static io.tributary.command.profile.ProfileFixtures.sessionRef;
import static io.tributary.command.profile.ProfileFixtures.survivorSideMerged;

import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionRef;
import io.tributary.command.session.SessionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.tributary.command.rules.IdentityRulesVersion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Splitting a merge on the survivor, and what a split keeps apart afterwards. */
class ProfileSplitTest {

    static final Evidence OPERATION = new Evidence("op-1", null, T0.plusSeconds(86_400));
    static final List<SessionRef> BOBS_SESSIONS = List.of(sessionRef("session-bob", T0, T0.plusSeconds(60), "google"));

    private FixtureConfiguration<Profile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Profile.class);
        fixture.registerInjectableResource(AliasLimits.defaults());
        fixture.registerInjectableResource(SessionPolicy.defaults());
        fixture.registerInjectableResource(new IdentityRulesVersion());
    }

    @Test
    void splitsAMergedProfileOffWithWhatItBrought() {
        SplitPlan plan = new SplitPlan(List.of(OTHER_ANONYMOUS_ID), mergedProperties(), Map.of(), BOBS_SESSIONS,
                List.of());
        fixture.given(merged())
                .when(new SplitProfile(PROFILE_ID, OTHER_PROFILE_ID, plan, "manual", "admin", "wrong merge", OPERATION))
                .expectEvents(new ProfileSplit(PROFILE_ID, PROFILE_ID, OTHER_PROFILE_ID, List.of(OTHER_ANONYMOUS_ID),
                        mergedProperties(), Map.of(), BOBS_SESSIONS, List.of(), "manual", OPERATION, "admin",
                        "wrong merge"))
                .expectState(profile -> {
                    if (profile.aliases().contains(OTHER_ANONYMOUS_ID) || !profile.properties().isEmpty()
                            || !profile.sessions().isEmpty()) {
                        throw new AssertionError("the survivor kept what went back: " + profile.aliases());
                    }
                });
    }

    @Test
    void blocksStitchingFromMergingASplitProfileAgain() {
        fixture.given(mergedThenSplit())
                .when(mergeProfiles(List.of(OTHER_ANONYMOUS_ID), List.of()))
                .expectEvents(new MergeBlocked(PROFILE_ID, OTHER_PROFILE_ID,
                        mergeProfiles(List.of(), List.of()).sharedAliases(), Profile.KEPT_APART,
                        mergeProfiles(List.of(), List.of()).evidence()));
    }

    @Test
    void letsAnOperatorMergeASplitProfileAgain() {
        MergeProfiles byHand = new MergeProfiles(PROFILE_ID, OTHER_PROFILE_ID, List.of(), List.of(OTHER_ANONYMOUS_ID),
                Map.of(), List.of(), OPERATION, "admin", "same person after all");
        fixture.given(mergedThenSplit())
                .when(byHand)
                .expectEvents(new ProfilesMerged(PROFILE_ID, PROFILE_ID, OTHER_PROFILE_ID, List.of(),
                        List.of(OTHER_ANONYMOUS_ID), Map.of(), List.of(), Profile.MANUAL, OPERATION, "admin",
                        "same person after all"));
    }

    private static List<Object> merged() {
        List<Object> given = new ArrayList<>(createdWith(ANONYMOUS_ID));
        given.add(survivorSideMerged(List.of(OTHER_ANONYMOUS_ID), BOBS_SESSIONS));
        return given;
    }

    private static List<Object> mergedThenSplit() {
        List<Object> given = merged();
        given.add(new ProfileSplit(PROFILE_ID, PROFILE_ID, OTHER_PROFILE_ID, List.of(OTHER_ANONYMOUS_ID),
                mergedProperties(), Map.of(), BOBS_SESSIONS, List.of(), "manual", OPERATION, "admin", "wrong merge"));
        return given;
    }
}
