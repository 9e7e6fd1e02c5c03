package io.tributary.app.segment;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.app.ingest.PropertyKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the fields of a Segment message, adding a problem naming the field for each that has the wrong shape. */
final class MessageFields {

    static final int MAX_TEXT = 256;

    private MessageFields() {
    }

    /** A string or whole number as text; null when absent or blank. */
    static String text(Map<String, Object> source, String key, String field, List<FieldError> errors) {
        Object value = source.get(key);
        String text = value instanceof String s ? s.trim()
                : value instanceof Number n ? PayloadBounds.wholeNumberText(n, MAX_TEXT) : null;
        if (value != null && text == null) {
            errors.add(new FieldError(field, "must be a string (or a whole number of at most " + MAX_TEXT + " digits)"));
        } else if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return text == null || text.isEmpty() ? null : text;
    }

    static String requiredText(Map<String, Object> source, String key, String field, String message,
                               List<FieldError> errors) {
        int before = errors.size();
        String text = text(source, key, field, errors);
        if (text == null && errors.size() == before) {
            errors.add(new FieldError(field, message));
        }
        return text;
    }

    /** A copy of an object field; empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> source, String key, String field, List<FieldError> errors) {
        Object value = source.get(key);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            errors.add(new FieldError(field, "must be an object"));
            return new LinkedHashMap<>();
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    /**
     * An object whose keys become property names: like the core intake, names with a {@code .} or a leading
     * {@code $} are refused, at any depth.
     */
    static Map<String, Object> propertyObject(Map<String, Object> source, String key, String field,
                                              List<FieldError> errors) {
        Map<String, Object> object = object(source, key, field, errors);
        PropertyKeys.check(object, field, Set.of(), errors);
        return object;
    }

    /** {@code overrides} on top of {@code defaults}, one level deep. */
    static Map<String, Object> merged(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        return merged;
    }

    static String string(Object value) {
        return value instanceof String text && !text.isBlank() ? text.trim() : null;
    }
}
