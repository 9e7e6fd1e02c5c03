package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The order of index entries: the index keys in their directions under mongo-java-server's own BSON comparison
 * (the one its sort and matcher use), then {@code _id} ascending so that entries are unique. {@link #LOWEST} and
 * {@link #HIGHEST} bound a walk and sort before and after every value whatever a key's direction.
 */
final class KeyOrder implements Comparator<Object[]> {

    static final Object LOWEST = new Object() {
        @Override
        public String toString() {
            return "LOWEST";
        }
    };
    static final Object HIGHEST = new Object() {
        @Override
        public String toString() {
            return "HIGHEST";
        }
    };

    private static final Comparator<Object> BSON = ValueComparator.asc();

    private final boolean[] descending;

    KeyOrder(List<IndexKey> keys) {
        this.descending = new boolean[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) {
            descending[i] = !keys.get(i).isAscending();
        }
    }

    @Override
    public int compare(Object[] left, Object[] right) {
        for (int i = 0; i < descending.length; i++) {
            int c = compare(left[i], right[i], descending[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** BSON order; strings and dates, the most common keys, directly (the same result as the comparator's). */
    static int compareValues(Object left, Object right) {
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left instanceof Instant a && right instanceof Instant b) {
            return a.compareTo(b);
        }
        return BSON.compare(left, right);
    }

    private static int compare(Object left, Object right, boolean descending) {
        if (left == right) {
            return 0;
        }
        if (left == LOWEST || right == HIGHEST) {
            return -1;
        }
        if (left == HIGHEST || right == LOWEST) {
            return 1;
        }
        int c = compareValues(left, right);
        return descending ? -c : c;
    }
}
