package io.tributary.query.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example values a property table keeps: per property path (as {@link JsonTypes} names them) a few distinct shown
 * values ({@link PersonalValueMask}), for at most {@link #MAX_PROPERTIES} properties. Pure.
 */
public final class PropertyExamples {

    public static final int MAX_PROPERTIES = 100;
    public static final int MAX_EXAMPLES = 3;

    private PropertyExamples() {
    }

    /** The shown value of each non-null property of one event (the first element's, for fields inside arrays). */
    public static Map<String, String> of(Map<String, Object> properties) {
        Map<String, String> shown = new LinkedHashMap<>();
        if (properties == null) {
            return shown;
        }
        properties.forEach((name, value) -> {
            if (value != null) {
                shown.put(name, PersonalValueMask.show(name, value));
            }
            if (value instanceof List<?> elements) {
                elements.stream().filter(Map.class::isInstance).map(Map.class::cast).forEach(element ->
                        element.forEach((field, fieldValue) -> {
                            if (fieldValue != null) {
                                String path = name + "[]." + field;
                                shown.putIfAbsent(path, PersonalValueMask.show(path, fieldValue));
                            }
                        }));
            }
        });
        return shown;
    }

    /** Adds one event's values to the kept ones, in place: new values while a property has room, new properties while the table has. */
    public static void merge(Map<String, List<String>> kept, Map<String, String> event) {
        event.forEach((path, value) -> {
            List<String> values = kept.get(path);
            if (values == null) {
                if (kept.size() >= MAX_PROPERTIES) {
                    return;
                }
                values = new java.util.ArrayList<>();
                kept.put(path, values);
            }
            if (values.size() < MAX_EXAMPLES && !values.contains(value)) {
                values.add(value);
            }
        });
    }
}
