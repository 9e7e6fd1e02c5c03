package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a query allows for one field, as a superset: either a set of points (equality, {@code $in}) or an interval
 * with inclusive ends, {@code null} meaning unbounded. Exclusive operators become inclusive ends; the collection
 * matches every candidate against the whole query afterwards, so a wider range only costs a few extra reads.
 */
record FieldRange(List<Object> points, Object low, Object high) {

    static FieldRange point(Object value) {
        return new FieldRange(List.of(value), null, null);
    }

    static FieldRange points(Collection<?> values) {
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(KeyOrder::compareValues);
        List<Object> distinct = new ArrayList<>();
        for (Object value : sorted) {
            if (distinct.isEmpty() || KeyOrder.compareValues(distinct.get(distinct.size() - 1), value) != 0) {
                distinct.add(value);
            }
        }
        return new FieldRange(List.copyOf(distinct), null, null);
    }

    static FieldRange between(Object low, Object high) {
        return new FieldRange(null, low, high);
    }

    /** Values a bound may hold: those whose equality and order mean the same to the matcher and to the index. */
    static boolean bindable(Object value) {
        if (value instanceof Double d) {
            return !d.isNaN();
        }
        return value instanceof Integer || value instanceof Long || value instanceof String
                || value instanceof Instant || value instanceof ObjectId || value instanceof Boolean;
    }

    boolean isPoints() {
        return points != null;
    }

    boolean isSinglePoint() {
        return points != null && points.size() == 1;
    }

    /** Both must hold. */
    FieldRange and(FieldRange other) {
        if (isPoints() && other.isPoints()) {
            return points(points.stream().filter(p -> other.points.stream()
                    .anyMatch(q -> KeyOrder.compareValues(p, q) == 0)).toList());
        }
        if (isPoints()) {
            return points(points.stream().filter(other::contains).toList());
        }
        if (other.isPoints()) {
            return other.and(this);
        }
        return between(max(low, other.low), min(high, other.high));
    }

    /** Either may hold: the smallest range covering both. */
    FieldRange or(FieldRange other) {
        if (isPoints() && other.isPoints()) {
            List<Object> all = new ArrayList<>(points);
            all.addAll(other.points);
            return points(all);
        }
        return between(lowest(lowEnd(), other.lowEnd()), highest(highEnd(), other.highEnd()));
    }

    private boolean contains(Object value) {
        return (low == null || KeyOrder.compareValues(value, low) >= 0)
                && (high == null || KeyOrder.compareValues(value, high) <= 0);
    }

    private Object lowEnd() {
        return isPoints() ? (points.isEmpty() ? null : points.get(0)) : low;
    }

    private Object highEnd() {
        return isPoints() ? (points.isEmpty() ? null : points.get(points.size() - 1)) : high;
    }

    /** The higher of two lower ends; null is unbounded. */
    private static Object max(Object a, Object b) {
        return a == null ? b : b == null ? a : KeyOrder.compareValues(a, b) >= 0 ? a : b;
    }

    private static Object min(Object a, Object b) {
        return a == null ? b : b == null ? a : KeyOrder.compareValues(a, b) <= 0 ? a : b;
    }

    /** The lower of two lower ends, where null (unbounded) wins. */
    private static Object lowest(Object a, Object b) {
        return a == null || b == null ? null : min(a, b);
    }

    private static Object highest(Object a, Object b) {
        return a == null || b == null ? null : max(a, b);
    }
}
