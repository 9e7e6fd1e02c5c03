package io.tributary.query.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one event name must carry.
 *
 * @param properties       the rules per property name
 * @param aliasTypes       when not empty, the event needs an alias of at least one of these types
 * @param anonymousAllowed an event with only anonymous aliases is normal here (browsing), not a warning
 */
public record EventRule(Map<String, PropertyRule> properties, List<String> aliasTypes, boolean anonymousAllowed) {

    public EventRule {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        aliasTypes = aliasTypes == null ? List.of() : List.copyOf(aliasTypes);
    }

    /** This rule with {@code extension} laid over it: its properties add or replace, its other fields replace. */
    EventRule extendedBy(EventSpec.EventExtension extension) {
        Map<String, PropertyRule> merged = new LinkedHashMap<>(properties);
        merged.putAll(extension.properties());
        return new EventRule(merged, extension.aliasTypes() == null ? aliasTypes : extension.aliasTypes(),
                extension.anonymousAllowed() == null ? anonymousAllowed : extension.anonymousAllowed());
    }
}
