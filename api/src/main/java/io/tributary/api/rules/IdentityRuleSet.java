package io.tributary.api.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The identity rules in force, from the settings: alias limits, blocked values, the alias priority and the session
 * timeout. Recorded as a new version whenever they differ from the last recorded set at start.
 */
public record IdentityRuleSet(Map<String, Integer> aliasLimits, List<String> blockedValues,
                              List<String> aliasPriority, Duration sessionTimeout) {

    public IdentityRuleSet {
        aliasLimits = aliasLimits == null ? Map.of() : Map.copyOf(aliasLimits);
        blockedValues = blockedValues == null ? List.of() : List.copyOf(blockedValues);
        aliasPriority = aliasPriority == null ? List.of() : List.copyOf(aliasPriority);
    }
}
