package io.tributary.app.ingest;

import io.tributary.api.ingestion.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Property keys that MongoDB would misread are refused: a {@code .} anywhere, or a leading {@code $} other than
 * the documented properties at the top level.
 */
public final class PropertyKeys {

    private static final int MAX_DEPTH = 16;

    private PropertyKeys() {
    }

    public static void check(Map<String, Object> map, String path, Set<String> allowedDollarKeys, List<FieldError> errors) {
        walk(map, path, allowedDollarKeys, errors, 0);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object value, String path, Set<String> allowedDollarKeys, List<FieldError> errors, int depth) {
        if (depth > MAX_DEPTH) {
            errors.add(new FieldError(path, "is nested more than " + MAX_DEPTH + " levels deep"));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, child) -> {
                String childPath = path + "." + key;
                if (key.contains(".")) {
                    errors.add(new FieldError(childPath, "property names must not contain '.'"));
                } else if (key.startsWith("$") && !allowedDollarKeys.contains(key)) {
                    errors.add(new FieldError(childPath, "property names must not start with '$' unless documented"));
                }
                walk(child, childPath, Set.of(), errors, depth + 1);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", Set.of(), errors, depth + 1);
            }
        }
    }
}
