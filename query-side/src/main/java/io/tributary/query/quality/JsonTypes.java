package io.tributary.query.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON type of each property of an event: top-level names, and {@code name[].field} for the fields of objects
 * inside a top-level array. Null values are left out (a null is an absence, not a type).
 */
public final class JsonTypes {

    private JsonTypes() {
    }

    public static Map<String, String> of(Map<String, Object> properties) {
        Map<String, String> types = new LinkedHashMap<>();
        if (properties == null) {
            return types;
        }
        properties.forEach((name, value) -> {
            if (value != null) {
                types.put(name, typeOf(value));
            }
            if (value instanceof List<?> elements) {
                elements.stream().filter(Map.class::isInstance).map(Map.class::cast).forEach(element ->
                        element.forEach((field, fieldValue) -> {
                            if (fieldValue != null) {
                                types.putIfAbsent(name + "[]." + field, typeOf(fieldValue));
                            }
                        }));
            }
        });
        return types;
    }

    static String typeOf(Object value) {
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        return "string";
    }
}
