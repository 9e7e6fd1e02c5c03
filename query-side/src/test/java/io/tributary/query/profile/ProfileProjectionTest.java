package io.tributary.query.profile;

import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.FindProfile;
import io.tributary.api.profile.FindProfileByAlias;
import io.tributary.api.profile.ProfileCreated;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.support.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.evidence;
import static io.tributary.query.support.Fixtures.mergedSide;
import static io.tributary.query.support.Fixtures.recorded;
import static io.tributary.query.support.Fixtures.survivorSide;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileProjectionTest extends EmbeddedMongo {

    private ProfileProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new ProfileProjection(database);
    }

    @Test
    void createsProfileFindableByEachAlias() {
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1", "urn:email:ann@example.com", "urn:email:null"),
                "new_profile", evidence("r1", at(0))));
        projection.on(new AliasLinked("p1", "urn:cookie:c1", "new_profile", evidence("r1", at(0))));
        projection.on(new AliasLinked("p1", "urn:email:ann@example.com", "new_profile", evidence("r1", at(0))));
        projection.on(new AliasLinked("p1", "urn:user_id:42", "unowned_alias", evidence("r2", at(1))));

        ProfileView profile = projection.handle(new FindProfileByAlias("urn:user_id:42"));

        assertThat(profile.profileId()).isEqualTo("p1");
        assertThat(profile.aliases()).containsExactly("urn:cookie:c1", "urn:email:ann@example.com", "urn:user_id:42");
        assertThat(projection.handle(new FindProfileByAlias("urn:email:ann@example.com")).profileId()).isEqualTo("p1");
        assertThat(projection.handle(new FindProfileByAlias("urn:email:ANN@example.com"))).isNull();
        assertThat(projection.handle(new FindProfileByAlias("urn:email:null"))).isNull(); // blocked, never linked
        assertThat(projection.handle(new FindProfile("nobody"))).isNull();
    }

    @Test
    void keepsThePropertyValueWithTheLatestEventTime() {
        projection.on(new ProfilePropertiesUpdated("p1", Map.of("$email", new PropertyValue("new@example.com", at(10)),
                "ltv", new PropertyValue(new BigDecimal("12.50"), at(10))), evidence("r2", at(10))));
        projection.on(new ProfilePropertiesUpdated("p1", Map.of("$email", new PropertyValue("old@example.com", at(5)),
                "address", new PropertyValue(Map.of("city", "Ghent"), at(5))), evidence("r1", at(5))));

        assertThat(projection.handle(new FindProfile("p1")).properties()).isEqualTo(Map.of(
                "$email", "new@example.com", "ltv", new BigDecimal("12.50"), "address", Map.of("city", "Ghent")));
    }

    @Test
    void countsEachEventAndSessionOnceAndTracksFirstAndLastSeen() {
        projection.on(recorded("r1", "p1", at(20)));
        projection.on(recorded("r2", "p1", at(10)));
        projection.on(recorded("r2", "p1", at(10)));
        projection.on(sessionStarted("s1", "p1", at(10)));
        projection.on(sessionStarted("s1", "p1", at(10)));

        ProfileView profile = projection.handle(new FindProfile("p1"));

        assertThat(profile.eventCount()).isEqualTo(2);
        assertThat(profile.sessionCount()).isEqualTo(1);
        assertThat(profile.firstSeen()).isEqualTo(at(10));
        assertThat(profile.lastSeen()).isEqualTo(at(20));
    }

    @Test
    void mergeMovesAliasesPropertiesAndCountsToTheSurvivor() {
        projection.on(new ProfileCreated("a", List.of("urn:cookie:a"), "new_profile", evidence("r1", at(5))));
        projection.on(new AliasLinked("a", "urn:cookie:a", "new_profile", evidence("r1", at(5))));
        projection.on(recorded("r1", "a", at(5)));
        projection.on(new ProfilePropertiesUpdated("a", Map.of("plan", new PropertyValue("free", at(5))), evidence("r1", at(5))));
        projection.on(new ProfileCreated("b", List.of("urn:cookie:b"), "new_profile", evidence("r2", at(1))));
        projection.on(new AliasLinked("b", "urn:cookie:b", "new_profile", evidence("r2", at(1))));
        projection.on(recorded("r2", "b", at(1)));
        projection.on(recorded("r3", "b", at(9)));
        projection.on(sessionStarted("s2", "b", at(1)));
        Map<String, PropertyValue> mergedProperties = Map.of("plan", new PropertyValue("pro", at(9)));

        projection.on(survivorSide("a", "b", List.of("urn:cookie:b"), mergedProperties, evidence("r4", at(10))));
        projection.on(mergedSide("a", "b", evidence("r4", at(10))));

        ProfileView survivor = projection.handle(new FindProfile("a"));
        assertThat(projection.handle(new FindProfile("b"))).isEqualTo(survivor);
        assertThat(projection.handle(new FindProfileByAlias("urn:cookie:b"))).isEqualTo(survivor);
        assertThat(survivor.aliases()).containsExactlyInAnyOrder("urn:cookie:a", "urn:cookie:b");
        assertThat(survivor.properties()).isEqualTo(Map.of("plan", "pro"));
        assertThat(survivor.eventCount()).isEqualTo(3);
        assertThat(survivor.sessionCount()).isEqualTo(1);
        assertThat(survivor.firstSeen()).isEqualTo(at(1));
        assertThat(survivor.lastSeen()).isEqualTo(at(9));
        assertThat(survivor.mergedProfileIds()).containsExactly("b");
    }

    @Test
    void followsMergeChainsWhateverTheOrderTheMergesArriveIn() {
        projection.on(recorded("r1", "a", at(1)));
        projection.on(recorded("r2", "b", at(2)));
        projection.on(recorded("r3", "c", at(3)));
        projection.on(mergedSide("c", "b", evidence("m2", at(5))));        // b into c, merged side first
        projection.on(survivorSide("b", "a", List.of(), Map.of(), evidence("m1", at(4)))); // a into b, survivor side only
        projection.on(recorded("r4", "a", at(6)));                          // projected late on the merged-away id

        ProfileView profile = projection.handle(new FindProfile("a"));

        assertThat(profile.profileId()).isEqualTo("c");
        assertThat(profile.mergedProfileIds()).containsExactly("b", "a");
        assertThat(profile.eventCount()).isEqualTo(4);
        assertThat(profile.lastSeen()).isEqualTo(at(6));
    }

    @Test
    void resetClearsProfilesAndAliases() {
        projection.on(new ProfileCreated("p1", List.of("urn:cookie:c1"), "new_profile", evidence("r1", at(0))));
        projection.on(new AliasLinked("p1", "urn:cookie:c1", "new_profile", evidence("r1", at(0))));

        projection.reset();

        assertThat(projection.handle(new FindProfile("p1"))).isNull();
        assertThat(projection.handle(new FindProfileByAlias("urn:cookie:c1"))).isNull();
    }

    private static SessionStarted sessionStarted(String sessionId, String profileId, Instant startedAt) {
        return new SessionStarted(sessionId, profileId, "r-" + sessionId, startedAt, "Direct", "Direct", null, null,
                null, "https://shop.example/", null);
    }
}
