package io.tributary.api.rules;

import io.tributary.api.intake.AliasTypes;
import java.time.Duration;
import java.util.Comparator;
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

    /**
     * Normalised aliases ({@code urn:<type>:<value>}) strongest first: by their type's place in {@link #aliasPriority},
     * types not listed after the listed ones, in their built-in rank.
     */
    public Comparator<String> aliasOrder() {
        return Comparator.comparingInt((String urn) -> rank(AliasTypes.typeOf(urn)))
                .thenComparingInt(urn -> AliasTypes.priority(AliasTypes.typeOf(urn)));
    }

    private int rank(String type) {
        int place = aliasPriority.indexOf(type);
        return place < 0 ? aliasPriority.size() : place;
    }
}
