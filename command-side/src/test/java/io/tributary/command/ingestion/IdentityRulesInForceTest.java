package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.browser;
import static io.tributary.command.ingestion.IntakeWorld.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.intake.AliasTypes;
import io.tributary.api.profile.AliasBlocked;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.MergeBlocked;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.command.support.InMemoryMongo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The intake decides new tracked events under the identity rules in force, and names their version. */
class IdentityRulesInForceTest {

    private static final Map<String, Integer> LIMITS = Map.of("user_id", 1, "customer_id", 1, "email", 5, "phone", 5,
            "anonymous_id", 100);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    @Test
    void aBlockedValueInForceStitchesNothing() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.decideUnder(3, rules(LIMITS, List.of("info@shop.example"), AliasTypes.RANKED, Duration.ofMinutes(60)));

        world.ingest(List.of(server("r1", "Signed Up", "s1", 0, "urn:anonymous_id:a", "urn:email:info@shop.example")));
        world.ingest(List.of(server("r2", "Signed Up", "s2", 5, "urn:anonymous_id:b", "urn:email:INFO@shop.example")));

        assertThat(world.profileOf("r2")).isNotEqualTo(world.profileOf("r1"));
        assertThat(world.recorded()).filteredOn(AliasBlocked.class::isInstance).map(AliasBlocked.class::cast)
                .extracting(AliasBlocked::rule, AliasBlocked::rulesVersion)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(IngestionHandler.BLOCKED_VALUE, 3L));
    }

    @Test
    void aLowerLimitInForceRefusesTheMergeAndNamesItsVersion() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.decideUnder(4, rules(Map.of("email", 1), List.of(), AliasTypes.RANKED, Duration.ofMinutes(60)));
        world.ingest(List.of(server("x1", "Signed Up", "s1", 0, "urn:anonymous_id:x", "urn:email:x@example.com")));
        world.ingest(List.of(server("y1", "Signed Up", "s2", 10, "urn:anonymous_id:y", "urn:email:y@example.com")));

        world.ingest(List.of(server("o1", "Placed Order", "o1", 20, "urn:anonymous_id:x", "urn:email:y@example.com")));

        assertThat(world.recorded()).filteredOn(MergeBlocked.class::isInstance).map(MergeBlocked.class::cast)
                .singleElement().satisfies(refused -> {
                    assertThat(refused.rule()).isEqualTo("limit:email:1");
                    assertThat(refused.rulesVersion()).isEqualTo(4);
                });
        assertThat(world.profileOf("o1")).as("the owner of the strongest alias, the email").isEqualTo(world.profileOf("y1"));
    }

    @Test
    void theAliasPriorityInForceDecidesWhoKeepsAnEventALimitKeptApart() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.decideUnder(5, rules(Map.of("email", 1), List.of(), List.of("anonymous_id", "email"),
                Duration.ofMinutes(60)));
        world.ingest(List.of(server("x1", "Signed Up", "s1", 0, "urn:anonymous_id:x", "urn:email:x@example.com")));
        world.ingest(List.of(server("y1", "Signed Up", "s2", 10, "urn:anonymous_id:y", "urn:email:y@example.com")));

        world.ingest(List.of(server("o1", "Placed Order", "o1", 20, "urn:anonymous_id:x", "urn:email:y@example.com")));

        assertThat(world.profileOf("o1")).isEqualTo(world.profileOf("x1"));
    }

    @Test
    void theSessionTimeoutInForceCutsSessions() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.decideUnder(6, rules(LIMITS, List.of(), AliasTypes.RANKED, Duration.ofMinutes(30)));

        world.ingest(List.of(browser("v1", "Page Load", "p1", 0, null, "urn:anonymous_id:v")));
        world.ingest(List.of(browser("v2", "Page Load", "p2", 40, null, "urn:anonymous_id:v")));

        assertThat(world.sessionOf("v2")).isNotEqualTo(world.sessionOf("v1"));
        assertThat(world.recorded()).filteredOn(AliasLinked.class::isInstance).map(AliasLinked.class::cast)
                .extracting(AliasLinked::rulesVersion).containsOnly(6L);
    }

    private static IdentityRuleSet rules(Map<String, Integer> limits, List<String> blocked, List<String> priority,
                                         Duration timeout) {
        return new IdentityRuleSet(limits, blocked, priority, timeout);
    }
}
