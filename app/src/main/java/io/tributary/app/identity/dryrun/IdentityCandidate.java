package io.tributary.app.identity.dryrun;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.rules.IdentityRuleSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity part of a dry-run request: its checks, and the complete rule set it makes with the rules in force.
 * {@code aliasLimits} are set per type over the limits in force; {@code blockedValues} and {@code aliasPriority}
 * replace the lists in force; {@code sessionTimeout} replaces the timeout. A field left out keeps what is in force.
 */
final class IdentityCandidate {

    static final Duration SHORTEST_TIMEOUT = Duration.ofMinutes(1);
    static final Duration LONGEST_TIMEOUT = Duration.ofDays(7);
    static final int MAX_BLOCKED_VALUES = 10_000;
    static final int MAX_VALUE_LENGTH = 256;

    private IdentityCandidate() {
    }

    static boolean given(DryRunRequest request) {
        return request.aliasLimits() != null || request.blockedValues() != null || request.aliasPriority() != null
                || request.sessionTimeout() != null;
    }

    static IdentityRuleSet over(IdentityRuleSet inForce, DryRunRequest request) {
        Map<String, Integer> limits = new LinkedHashMap<>(inForce.aliasLimits());
        if (request.aliasLimits() != null) {
            limits.putAll(request.aliasLimits());
        }
        return new IdentityRuleSet(limits,
                request.blockedValues() != null ? request.blockedValues() : inForce.blockedValues(),
                request.aliasPriority() != null ? request.aliasPriority() : inForce.aliasPriority(),
                request.sessionTimeout() != null ? request.sessionTimeout() : inForce.sessionTimeout());
    }

    /** Every problem of the identity fields, each named by its path ({@code aliasLimits.email}, {@code blockedValues[2]}). */
    static List<FieldError> problems(DryRunRequest request) {
        List<FieldError> problems = new ArrayList<>();
        if (request.aliasLimits() != null) {
            request.aliasLimits().forEach((type, max) -> {
                String field = "aliasLimits." + type;
                if (!AliasTypes.RANKED.contains(type)) {
                    problems.add(new FieldError(field, "is not an alias type; one of " + AliasTypes.RANKED));
                }
                if (max == null || max < 0) {
                    problems.add(new FieldError(field, "must be a whole number, 0 or more"));
                }
            });
        }
        if (request.blockedValues() != null) {
            blockedValueProblems(request.blockedValues(), problems);
        }
        if (request.aliasPriority() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < request.aliasPriority().size(); i++) {
                String type = request.aliasPriority().get(i);
                String field = "aliasPriority[" + i + "]";
                if (!AliasTypes.RANKED.contains(type)) {
                    problems.add(new FieldError(field, "is not an alias type; one of " + AliasTypes.RANKED));
                } else if (!seen.add(type)) {
                    problems.add(new FieldError(field, "repeats " + type));
                }
            }
        }
        Duration timeout = request.sessionTimeout();
        if (timeout != null && (timeout.compareTo(SHORTEST_TIMEOUT) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0)) {
            problems.add(new FieldError("sessionTimeout", "must be between " + SHORTEST_TIMEOUT + " and "
                    + LONGEST_TIMEOUT + " (ISO-8601, for example PT30M)"));
        }
        return problems;
    }

    private static void blockedValueProblems(List<String> values, List<FieldError> problems) {
        if (values.size() > MAX_BLOCKED_VALUES) {
            problems.add(new FieldError("blockedValues", "holds " + values.size() + " values; at most "
                    + MAX_BLOCKED_VALUES));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String field = "blockedValues[" + i + "]";
            if (value == null || value.isBlank()) {
                problems.add(new FieldError(field, "is empty"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldError(field, "is longer than " + MAX_VALUE_LENGTH + " characters"));
            } else if (value.regionMatches(true, 0, "urn:", 0, 4)) {
                problems.add(new FieldError(field, "is a value without its urn:<type>: prefix (info@shop.com, not "
                        + "urn:email:info@shop.com)"));
            }
        }
    }
}
