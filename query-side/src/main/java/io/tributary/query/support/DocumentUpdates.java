package io.tributary.query.support;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * MongoDB's update operators, applied to a document in memory with the same result as on the server, for the
 * documents of a {@link DocumentBatch}.
 */
public final class DocumentUpdates {

    private DocumentUpdates() {
    }

    /** {@code $inc} by 1: an absent field becomes the int 1; an int that would overflow becomes a long. */
    public static void increment(Document document, String field) {
        Object current = document.get(field);
        if (current == null) {
            document.put(field, 1);
        } else if (current instanceof Integer i) {
            document.put(field, i == Integer.MAX_VALUE ? (Object) (i + 1L) : (Object) (i + 1));
        } else if (current instanceof Long l) {
            document.put(field, l + 1);
        } else if (current instanceof Double d) {
            document.put(field, d + 1);
        } else {
            throw new IllegalStateException("cannot increment " + field + " holding " + current);
        }
    }

    /** {@code $inc} by a long: the field becomes a long (a double stays a double), an absent one {@code amount}. */
    public static void add(Document document, String field, long amount) {
        Object current = document.get(field);
        if (current == null) {
            document.put(field, amount);
        } else if (current instanceof Integer || current instanceof Long) {
            document.put(field, ((Number) current).longValue() + amount);
        } else if (current instanceof Double d) {
            document.put(field, d + amount);
        } else {
            throw new IllegalStateException("cannot add to " + field + " holding " + current);
        }
    }

    /** {@code $min} of dates: sets the field when absent or when {@code value} is earlier (null sorts first). */
    public static void min(Document document, String field, Date value) {
        if (!document.containsKey(field) || compare(value, document.getDate(field)) < 0) {
            document.put(field, value);
        }
    }

    /** {@code $max} of dates: sets the field when absent or when {@code value} is later (null sorts first). */
    public static void max(Document document, String field, Date value) {
        if (!document.containsKey(field) || compare(value, document.getDate(field)) > 0) {
            document.put(field, value);
        }
    }

    /** {@code $addToSet} with {@code $each}: appends each value not there yet; creates the array when absent. */
    public static void addToSet(Document document, String field, Collection<?> values) {
        List<Object> list = mutableList(document, field);
        values.forEach(value -> {
            if (!list.contains(value)) {
                list.add(value);
            }
        });
    }

    /** The embedded document at {@code field}, created empty when absent (as a {@code $set} of a dotted path does). */
    public static Document child(Document document, String field) {
        Document child = document.get(field, Document.class);
        if (child == null) {
            child = new Document();
            document.put(field, child);
        }
        return child;
    }

    /** The array at {@code field} as a list that can be changed in place, created empty when absent. */
    static List<Object> mutableList(Document document, String field) {
        Object current = document.get(field);
        if (current instanceof ArrayList<?>) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) current;
            return list;
        }
        List<Object> list = current == null ? new ArrayList<>() : new ArrayList<>((List<?>) current);
        document.put(field, list);
        return list;
    }

    private static int compare(Date a, Date b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
