package io.tributary.query.quality;

import java.util.Map;

/**
 * What one property of an event must look like.
 *
 * @param type     one of {@link ValueType}'s wire names
 * @param required a missing (or null) value is a warning
 * @param items    for an array: the properties each element (an object) must have
 */
public record PropertyRule(ValueType type, boolean required, Map<String, PropertyRule> items) {

    public PropertyRule {
        if (type == null) {
            throw new IllegalArgumentException("a property rule needs a type");
        }
        items = items == null ? Map.of() : Map.copyOf(items);
    }
}
