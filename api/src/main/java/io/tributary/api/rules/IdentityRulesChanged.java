package io.tributary.api.rules;

import java.time.Instant;

/** The identity rules in force from now on, with their version (1, 2, …; decisions before the first name 0). */
public record IdentityRulesChanged(String ruleBookId, long version, IdentityRuleSet rules, String origin,
                                   Instant changedAt) {
}
