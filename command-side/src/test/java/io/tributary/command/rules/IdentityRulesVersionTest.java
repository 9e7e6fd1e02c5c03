package io.tributary.command.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.command.support.InMemoryMongo;
import io.tributary.command.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every node decides under the identity rules last recorded on any node, within the refresh. */
class IdentityRulesVersionTest {

    private static final IdentityRuleSet SETTINGS = new IdentityRuleSet(Map.of("email", 5), List.of(),
            List.of("user_id", "email"), Duration.ofMinutes(60));
    private static final IdentityRuleSet APPLIED = new IdentityRuleSet(Map.of("email", 2), List.of("info@shop.com"),
            List.of("email", "user_id"), Duration.ofMinutes(30));

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T04:00:00Z"));

    @Test
    void anotherNodeTakesRulesAppliedOnOneWithinTheRefresh() {
        MongoDatabase database = mongo.freshDatabase();
        IdentityRulesVersion one = new IdentityRulesVersion(new IdentityRulesStore(database), clock);
        IdentityRulesVersion other = new IdentityRulesVersion(new IdentityRulesStore(database), clock);
        one.inForce(1, SETTINGS);
        assertThat(other.rules()).contains(SETTINGS);

        one.inForce(2, APPLIED);

        assertThat(other.rules()).as("within the refresh").contains(SETTINGS);
        assertThat(other.current()).isEqualTo(1);
        clock.advance(IdentityRulesVersion.REFRESH.plusSeconds(1));
        assertThat(other.rules()).contains(APPLIED);
        assertThat(other.current()).isEqualTo(2);
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        MongoDatabase database = mongo.freshDatabase();
        IdentityRulesVersion one = new IdentityRulesVersion(new IdentityRulesStore(database), clock);
        one.inForce(3, APPLIED);
        new IdentityRulesVersion(new IdentityRulesStore(database), clock).inForce(2, SETTINGS);

        IdentityRulesVersion starting = new IdentityRulesVersion(new IdentityRulesStore(database), clock);

        assertThat(starting.rules()).contains(APPLIED);
        assertThat(starting.current()).isEqualTo(3);
    }

    @Test
    void aNodeAloneHasNoRulesUntilTheyAreRecorded() {
        IdentityRulesVersion alone = new IdentityRulesVersion();

        assertThat(alone.rules()).isEmpty();
        assertThat(alone.current()).isZero();
    }
}
