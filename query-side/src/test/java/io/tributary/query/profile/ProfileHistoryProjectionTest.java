package io.tributary.query.profile;

import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.FindProfileHistory;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfileHistoryView;
import io.tributary.query.support.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.mergedSide;
import static io.tributary.query.support.Fixtures.survivorSide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ProfileHistoryProjectionTest extends EmbeddedMongo {

    private ProfileHistoryProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new ProfileHistoryProjection(database);
    }

    @Test
    void listsDecisionsByEvidenceTimeThenInHandlingOrder() {
        projection.on(new AliasLinked("p1", "urn:user_id:42", "known_profile", evidence("r2", at(5))));
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1"), "new_profile", evidence("r1", at(1))));
        projection.on(new AliasBlocked("p1", "urn:email:null", "blocklist", evidence("r2", at(5))));

        List<IdentityDecisionView> decisions = history("p1").decisions();

        assertThat(decisions).extracting(IdentityDecisionView::decision, IdentityDecisionView::aliases,
                        IdentityDecisionView::rule, IdentityDecisionView::eventId, IdentityDecisionView::at)
                .containsExactly(
                        tuple("profile_created", List.of("urn:cookie:c1"), "new_profile", "ev-r1", at(1)),
                        tuple("alias_linked", List.of("urn:user_id:42"), "known_profile", "ev-r2", at(5)),
                        tuple("alias_blocked", List.of("urn:email:null"), "blocklist", "ev-r2", at(5)));
    }

    @Test
    void listsABlockedMergeUnderBothProfiles() {
        projection.on(new MergeBlocked("p1", "p2", List.of("urn:email:ann@example.com"), "user_id_limit",
                evidence("r9", at(9))));

        assertThat(history("p1").decisions()).extracting(IdentityDecisionView::decision, IdentityDecisionView::otherProfileId)
                .containsExactly(tuple("merge_blocked", "p2"));
        assertThat(history("p2").decisions()).extracting(IdentityDecisionView::decision, IdentityDecisionView::otherProfileId)
                .containsExactly(tuple("merge_blocked", "p1"));
    }

    @Test
    void survivorHistoryIncludesTheDecisionsOfMergedProfiles() {
        projection.on(new ProfileCreated("a", List.of("urn:cookie:a"), "new_profile", evidence("r1", at(1))));
        projection.on(new ProfileCreated("b", List.of("urn:cookie:b"), "new_profile", evidence("r2", at(2))));
        projection.on(new MergeBlocked("a", "b", List.of("urn:email:ann@example.com"), "email_limit", evidence("r3", at(3))));
        projection.on(mergedSide("a", "b", evidence("r4", at(4))));
        projection.on(survivorSide("a", "b", List.of("urn:cookie:b"), Map.of(), evidence("r4", at(4))));

        ProfileHistoryView history = history("b");

        assertThat(history.profileId()).isEqualTo("a");
        assertThat(history.decisions()).extracting(IdentityDecisionView::decision, IdentityDecisionView::otherProfileId)
                .containsExactly(tuple("profile_created", null), tuple("profile_created", null),
                        tuple("merge_blocked", "b"), tuple("merged_into", "a"), tuple("profiles_merged", "b"));
    }

    @Test
    void redeliveredDecisionIsListedOnceInItsFirstPlace() {
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1"), "new_profile", evidence("r1", at(1))));
        projection.on(new AliasLinked("p1", "urn:user_id:42", "known_profile", evidence("r1", at(1))));
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1"), "new_profile", evidence("r1", at(1))));

        assertThat(history("p1").decisions()).extracting(IdentityDecisionView::decision)
                .containsExactly("profile_created", "alias_linked");
    }

    @Test
    void resetClearsTheHistory() {
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1"), "new_profile", evidence("r1", at(1))));

        projection.reset();

        assertThat(history("p1").decisions()).isEmpty();
    }

    private ProfileHistoryView history(String profileId) {
        return projection.handle(new FindProfileHistory(profileId));
    }
}
