package io.tributary.app.identity.dryrun;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.rules.IdentityRuleSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityCandidateTest {

    private static final IdentityRuleSet IN_FORCE = new IdentityRuleSet(Map.of("user_id", 1, "email", 5),
            List.of("info@shop.com"), AliasTypes.RANKED, ofMinutes(60));

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void namesEveryProblemField(String why, DryRunRequest request, List<String> fields) {
        assertThat(IdentityCandidate.problems(request)).extracting(FieldError::field)
                .containsExactlyInAnyOrderElementsOf(fields);
    }

    static Stream<Arguments> requests() {
        Map<String, Integer> nullLimit = new HashMap<>();
        nullLimit.put("phone", null);
        return Stream.of(
                arguments("acceptsALowerLimit", identity(Map.of("email", 1), null, null, null), List.of()),
                arguments("acceptsAZeroLimit", identity(Map.of("anonymous_id", 0), null, null, null), List.of()),
                arguments("refusesANegativeLimit", identity(Map.of("email", -1), null, null, null),
                        List.of("aliasLimits.email")),
                arguments("refusesAMissingLimit", identity(nullLimit, null, null, null), List.of("aliasLimits.phone")),
                arguments("refusesAnUnknownAliasType", identity(Map.of("fax", 1), null, null, null),
                        List.of("aliasLimits.fax")),
                arguments("acceptsBlockedValues", identity(null, List.of("test@shop.com", "0000"), null, null),
                        List.of()),
                arguments("refusesEmptyOrUrnBlockedValues", identity(null, List.of("ok@shop.com", "", "urn:email:a@b.c"),
                        null, null), List.of("blockedValues[1]", "blockedValues[2]")),
                arguments("refusesAnOverlongBlockedValue", identity(null, List.of("x".repeat(257)), null, null),
                        List.of("blockedValues[0]")),
                arguments("acceptsAPartialPriority", identity(null, null, List.of("email", "user_id"), null), List.of()),
                arguments("refusesUnknownAndRepeatedPriorityTypes", identity(null, null,
                        List.of("email", "fax", "email"), null), List.of("aliasPriority[1]", "aliasPriority[2]")),
                arguments("acceptsAOneMinuteTimeout", identity(null, null, null, ofMinutes(1)), List.of()),
                arguments("refusesATimeoutUnderAMinute", identity(null, null, null, Duration.ofSeconds(59)),
                        List.of("sessionTimeout")),
                arguments("refusesANegativeTimeout", identity(null, null, null, ofMinutes(-5)),
                        List.of("sessionTimeout")),
                arguments("refusesATimeoutOverAWeek", identity(null, null, null, Duration.ofDays(8)),
                        List.of("sessionTimeout")),
                arguments("namesEveryProblemAtOnce", identity(Map.of("email", -1), List.of(" "), List.of("fax"),
                        Duration.ZERO), List.of("aliasLimits.email", "blockedValues[0]", "aliasPriority[0]",
                        "sessionTimeout")));
    }

    @Test
    void setsLimitsPerTypeOverThoseInForceAndKeepsWhatIsLeftOut() {
        IdentityRuleSet candidate = IdentityCandidate.over(IN_FORCE, identity(Map.of("email", 1, "phone", 2), null,
                null, null));

        assertThat(candidate).isEqualTo(new IdentityRuleSet(Map.of("user_id", 1, "email", 1, "phone", 2),
                List.of("info@shop.com"), AliasTypes.RANKED, ofMinutes(60)));
    }

    @Test
    void replacesTheListsAndTheTimeoutItGives() {
        IdentityRuleSet candidate = IdentityCandidate.over(IN_FORCE, identity(null, List.of(), List.of("email"),
                ofMinutes(30)));

        assertThat(candidate).isEqualTo(new IdentityRuleSet(IN_FORCE.aliasLimits(), List.of(), List.of("email"),
                ofMinutes(30)));
    }

    @Test
    void isGivenByAnyIdentityFieldOnly() {
        assertThat(IdentityCandidate.given(new DryRunRequest(List.of(), null, null, null, null, null, null, null)))
                .isFalse();
        assertThat(IdentityCandidate.given(identity(null, List.of(), null, null))).isTrue();
    }

    private static DryRunRequest identity(Map<String, Integer> limits, List<String> blocked, List<String> priority,
                                          Duration timeout) {
        return new DryRunRequest(null, null, null, null, limits, blocked, priority, timeout);
    }
}
