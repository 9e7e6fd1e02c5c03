package io.tributary.query.quality;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that look at one accepted tracked event on its own: the spec (properties and aliases), anonymous-only
 * aliases, and its timing. A problem is reported once per event, however many array elements share it.
 */
public final class EventChecks {

    static final String ALIASES = "aliases";
    static final String TIMESTAMP = "timestamp";

    private final EventSpec spec;
    private final Duration lateAfter;

    public EventChecks(EventSpec spec, Duration lateAfter) {
        this.spec = spec;
        this.lateAfter = lateAfter;
    }

    public List<Finding> check(TrackedEvent event, Instant receivedAt) {
        Set<Finding> findings = new LinkedHashSet<>();
        EventRule rule = spec.rule(event.eventName());
        Map<String, Object> properties = event.properties() == null ? Map.of() : event.properties();
        if (rule != null) {
            checkProperties(rule.properties(), properties, "", findings);
            checkAliasTypes(rule.aliasTypes(), event.aliases(), findings);
        }
        if ((rule == null || !rule.anonymousAllowed()) && onlyAnonymous(event.aliases())) {
            findings.add(new Finding(ALIASES, WarningKind.ANONYMOUS_ONLY,
                    "no alias other than " + String.join(" or ", spec.anonymousAliasTypes())));
        }
        checkTiming(event, receivedAt, findings);
        return new ArrayList<>(findings);
    }

    private void checkProperties(Map<String, PropertyRule> rules, Map<?, ?> values, String prefix, Set<Finding> findings) {
        rules.forEach((name, rule) -> {
            String path = prefix + name;
            Object value = values.get(name);
            if (value == null) {
                if (rule.required()) {
                    findings.add(new Finding(path, WarningKind.MISSING, "required: " + rule.type().description()));
                }
            } else if (!rule.type().accepts(value)) {
                findings.add(new Finding(path, WarningKind.INVALID, "must be " + rule.type().description()));
            } else if (value instanceof List<?> elements && !rule.items().isEmpty()) {
                for (Object element : elements) {
                    if (element instanceof Map<?, ?> item) {
                        checkProperties(rule.items(), item, path + "[].", findings);
                    } else {
                        findings.add(new Finding(path + "[]", WarningKind.INVALID, "each element must be an object"));
                    }
                }
            }
        });
    }

    private static void checkAliasTypes(List<String> wanted, List<String> aliases, Set<Finding> findings) {
        if (wanted.isEmpty()) {
            return;
        }
        boolean present = aliases != null && aliases.stream().map(EventChecks::aliasType).anyMatch(wanted::contains);
        if (!present) {
            findings.add(new Finding(ALIASES, WarningKind.MISSING_ALIAS,
                    "needs an alias of type " + String.join(" or ", wanted)));
        }
    }

    private boolean onlyAnonymous(List<String> aliases) {
        return aliases == null || aliases.stream().map(EventChecks::aliasType)
                .allMatch(type -> type == null || spec.anonymousAliasTypes().contains(type));
    }

    private void checkTiming(TrackedEvent event, Instant receivedAt, Set<Finding> findings) {
        if (event.flags() != null && event.flags().contains(TrackedEvent.TIMESTAMP_CLAMPED)) {
            findings.add(new Finding(TIMESTAMP, WarningKind.TIMESTAMP_CLAMPED,
                    "was in the future; the receive time was used"));
        }
        if (event.timestamp() != null && receivedAt != null
                && Duration.between(event.timestamp(), receivedAt).compareTo(lateAfter) > 0) {
            findings.add(new Finding(TIMESTAMP, WarningKind.LATE,
                    "received more than " + lateAfter.toDays() + " days after it happened"));
        }
    }

    /** The type of {@code urn:<type>:<value>}, lower-cased; null when the alias is not of that form. */
    static String aliasType(String alias) {
        if (alias == null || !alias.regionMatches(true, 0, "urn:", 0, 4)) {
            return null;
        }
        int end = alias.indexOf(':', 4);
        return end < 0 ? null : alias.substring(4, end).toLowerCase(java.util.Locale.ROOT);
    }
}
