package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads from a query document the range each field is confined to: top-level conditions and {@code $and} narrow,
 * a {@code $or} confines a field only if every branch does (to the hull of the branches). Operators it does not
 * know ({@code $ne}, {@code $regex}, {@code $exists}, {@code $elemMatch} …) confine nothing; the matcher still
 * applies them.
 */
final class QueryBounds {

    private QueryBounds() {
    }

    static Map<String, FieldRange> of(Document query) {
        Map<String, FieldRange> ranges = new HashMap<>();
        if (query != null) {
            collect(query, ranges);
        }
        return ranges;
    }

    private static void collect(Document query, Map<String, FieldRange> into) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> branches) {
                for (Object branch : branches) {
                    if (branch instanceof Document document) {
                        collect(document, into);
                    }
                }
            } else if (field.equals("$or") && value instanceof List<?> branches) {
                anyOf(branches).forEach((f, range) -> into.merge(f, range, FieldRange::and));
            } else if (!field.startsWith("$")) {
                FieldRange range = rangeOf(value);
                if (range != null) {
                    into.merge(field, range, FieldRange::and);
                }
            }
        }
    }

    private static Map<String, FieldRange> anyOf(List<?> branches) {
        Map<String, FieldRange> hull = null;
        for (Object branch : branches) {
            if (!(branch instanceof Document document)) {
                return Map.of();
            }
            Map<String, FieldRange> ranges = new HashMap<>();
            collect(document, ranges);
            if (hull == null) {
                hull = ranges;
            } else {
                Map<String, FieldRange> both = new HashMap<>();
                for (Map.Entry<String, FieldRange> entry : hull.entrySet()) {
                    FieldRange other = ranges.get(entry.getKey());
                    if (other != null) {
                        both.put(entry.getKey(), entry.getValue().or(other));
                    }
                }
                hull = both;
            }
        }
        return hull == null ? Map.of() : hull;
    }

    private static FieldRange rangeOf(Object value) {
        if (!(value instanceof Document operators)) {
            return FieldRange.bindable(value) ? FieldRange.point(value) : null;
        }
        if (operators.isEmpty() || !operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            return null;
        }
        FieldRange range = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            FieldRange next = operatorRange(operator.getKey(), operator.getValue());
            if (next != null) {
                range = range == null ? next : range.and(next);
            }
        }
        return range;
    }

    private static FieldRange operatorRange(String operator, Object argument) {
        return switch (operator) {
            case "$eq" -> FieldRange.bindable(argument) ? FieldRange.point(argument) : null;
            case "$in" -> argument instanceof Collection<?> values && values.stream().allMatch(FieldRange::bindable)
                    ? FieldRange.points(values) : null;
            case "$gt", "$gte" -> FieldRange.bindable(argument) ? FieldRange.between(argument, null) : null;
            case "$lt", "$lte" -> FieldRange.bindable(argument) ? FieldRange.between(null, argument) : null;
            default -> null;
        };
    }
}
