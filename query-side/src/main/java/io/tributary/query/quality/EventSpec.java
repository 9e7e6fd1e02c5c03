package io.tributary.query.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event spec as data: which properties and aliases the standard e-commerce events need, and which alias
 * types are anonymous. The built-in spec is {@code event-spec.json} next to this class; a shop extends it with
 * a file of the same shape (see docs/data-quality.md).
 */
public record EventSpec(Map<String, EventRule> events, Set<String> anonymousAliasTypes) {

    static final String BUILT_IN = "event-spec.json";

    public EventSpec {
        events = Map.copyOf(events);
        anonymousAliasTypes = Set.copyOf(anonymousAliasTypes);
    }

    public static EventSpec builtIn() {
        try (InputStream in = EventSpec.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return fromTree(new ObjectMapper().readValue(in, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a spec from parsed JSON or YAML (maps, lists and strings); the problems are named with their path. */
    public static EventSpec fromTree(Map<?, ?> tree) {
        return Extension.read(tree).applyTo(new EventSpec(Map.of(), Set.of()));
    }

    /** This spec with {@code tree} (a spec file) laid over it: new events are added, known ones extended. */
    public EventSpec extendedBy(Map<?, ?> tree) {
        return Extension.read(tree).applyTo(this);
    }

    public EventRule rule(String eventName) {
        return events.get(eventName);
    }

    /** How a file changes an event: null fields leave the base rule as it is. */
    record EventExtension(Map<String, PropertyRule> properties, List<String> aliasTypes, Boolean anonymousAllowed) {
    }

    private record Extension(Map<String, EventExtension> events, List<String> anonymousAliasTypes) {

        EventSpec applyTo(EventSpec base) {
            Map<String, EventRule> merged = new LinkedHashMap<>(base.events());
            events.forEach((name, extension) -> merged.put(name,
                    merged.getOrDefault(name, new EventRule(Map.of(), List.of(), false)).extendedBy(extension)));
            Set<String> anonymous = new LinkedHashSet<>(base.anonymousAliasTypes());
            anonymous.addAll(anonymousAliasTypes);
            return new EventSpec(merged, anonymous);
        }

        static Extension read(Map<?, ?> tree) {
            List<String> problems = new ArrayList<>();
            Map<String, EventExtension> events = new LinkedHashMap<>();
            map(tree.get("events"), "events", problems).forEach((name, rule) ->
                    events.put(String.valueOf(name), event(rule, "events." + name, problems)));
            List<String> anonymous = strings(tree.get("anonymousAliasTypes"), "anonymousAliasTypes", problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid event spec: " + String.join("; ", problems));
            }
            return new Extension(events, anonymous == null ? List.of() : anonymous);
        }

        private static EventExtension event(Object value, String path, List<String> problems) {
            Map<?, ?> rule = map(value, path, problems);
            Object allowed = rule.get("anonymousAllowed");
            if (allowed != null && !(allowed instanceof Boolean)) {
                problems.add(path + ".anonymousAllowed must be true or false");
            }
            return new EventExtension(properties(rule.get("properties"), path + ".properties", problems),
                    strings(rule.get("aliasTypes"), path + ".aliasTypes", problems),
                    allowed instanceof Boolean b ? b : null);
        }

        private static Map<String, PropertyRule> properties(Object value, String path, List<String> problems) {
            Map<String, PropertyRule> rules = new LinkedHashMap<>();
            map(value, path, problems).forEach((name, rule) -> {
                PropertyRule read = property(rule, path + "." + name, problems);
                if (read != null) {
                    rules.put(String.valueOf(name), read);
                }
            });
            return rules;
        }

        private static PropertyRule property(Object value, String path, List<String> problems) {
            Map<?, ?> rule = map(value, path, problems);
            ValueType type;
            try {
                type = ValueType.fromWire(String.valueOf(rule.get("type")));
            } catch (IllegalArgumentException e) {
                problems.add(path + ".type: " + e.getMessage());
                return null;
            }
            Object required = rule.get("required");
            if (required != null && !(required instanceof Boolean)) {
                problems.add(path + ".required must be true or false");
            }
            Map<String, PropertyRule> items = properties(rule.get("items"), path + ".items", problems);
            if (!items.isEmpty() && type != ValueType.ARRAY) {
                problems.add(path + ".items is only allowed on an array");
            }
            return new PropertyRule(type, Boolean.TRUE.equals(required), items);
        }

        private static Map<?, ?> map(Object value, String path, List<String> problems) {
            if (value == null) {
                return Map.of();
            }
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            problems.add(path + " must be an object");
            return Map.of();
        }

        private static List<String> strings(Object value, String path, List<String> problems) {
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            problems.add(path + " must be a list of strings");
            return null;
        }
    }
}
