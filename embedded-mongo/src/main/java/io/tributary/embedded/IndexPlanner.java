package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Chooses how a collection of the embedded store finds the candidates of a query: the exact keys of a unique
 * index, a walk over the ranges of an ordered index (equality or {@code $in} on leading keys, then a range on the
 * next), or, when the index order is the requested sort, a walk in that order that the caller stops after
 * skip + limit matches. Returns null when no index helps; the collection then scans as before. Candidates are
 * always a superset of the matches: the collection matches each against the whole query.
 */
final class IndexPlanner {

    /** Candidates from ordered walks, in the index order when {@code sorted}. */
    record Plan<P>(Iterable<P> positions, boolean sorted, String index) {
    }

    private static final String ID = "_id";
    private static final int MAX_BOXES = 4096;
    private static final int EXACT = 1_000;

    /** How a collection reads the candidates a plan found: their positions, and the sort still to apply or null. */
    interface Matcher<P> {
        QueryResult match(Iterable<P> positions, Document orderBy);
    }

    private IndexPlanner() {
    }

    /**
     * A collection's query: planned, logged, then answered from the plan's candidates, or by the collection's own
     * scan when no index helps. The one body of both indexed collections' {@code queryDocuments}.
     */
    static <P> QueryResult answer(MongoCollection<P> collection, List<Index<P>> indexes, Document query, Document orderBy,
                                  int limit, Supplier<Stream<DocumentWithPosition<P>>> all, Supplier<QueryResult> scan,
                                  Matcher<P> matcher) {
        Plan<P> plan = plan(indexes, query, orderBy, limit, all);
        QueryLog.served(collection, query, orderBy, plan);
        if (plan == null) {
            return scan.get();
        }
        return matcher.match(plan.positions(), plan.sorted() ? null : orderBy);
    }

    static <P> Plan<P> plan(List<Index<P>> indexes, Document query, Document orderBy, int limit,
                            Supplier<Stream<DocumentWithPosition<P>>> all) {
        List<IndexKey> sort = sortKeys(orderBy);
        if (sort == null) {
            return null;
        }
        Map<String, FieldRange> ranges = QueryBounds.of(query);
        boolean wantsOrder = !sort.isEmpty() && limit > 0;
        if (ranges.isEmpty() && !wantsOrder) {
            return null;
        }
        List<IndexKey> sortLeft = sort.stream().filter(k -> !isConstant(ranges, k.getKey())).toList();

        Candidate<P> best = null;
        Candidate<P> bestSorted = null;
        for (Index<P> index : indexes) {
            if (!(index instanceof OrderedIndex<?>)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            OrderedIndex<P> ordered = (OrderedIndex<P>) index;
            Candidate<P> candidate = exactCandidate(index, ordered, ranges);
            if (candidate == null) {
                candidate = walkCandidate(index, ordered, ranges, sortLeft);
            }
            if (candidate == null || (candidate.score == 0 && !(candidate.sorted && wantsOrder))) {
                continue;
            }
            if (best == null || candidate.beats(best)) {
                best = candidate;
            }
            if (candidate.sorted && wantsOrder && (bestSorted == null || candidate.beats(bestSorted))) {
                bestSorted = candidate;
            }
        }
        if (best == null) {
            return null;
        }
        if (!best.sorted && bestSorted != null && best.exact == null) {
            long cap = Math.max(1_000L, 50L * limit);
            OrderedEntries<P> entries = best.ordered.entries(all);
            if (entries.count(best.boxes, cap) >= cap) {
                best = bestSorted;
            }
        }
        return best.toPlan(all, !sort.isEmpty());
    }

    /** The sort as index keys; empty for none; null when it is not a plain field sort ({@code $natural}, $meta). */
    private static List<IndexKey> sortKeys(Document orderBy) {
        List<IndexKey> keys = new ArrayList<>();
        if (orderBy == null) {
            return keys;
        }
        for (Map.Entry<String, Object> entry : orderBy.entrySet()) {
            if (entry.getKey().startsWith("$") || !(entry.getValue() instanceof Number direction)) {
                return null;
            }
            keys.add(new IndexKey(entry.getKey(), direction.doubleValue() > 0));
        }
        return keys;
    }

    private static boolean isConstant(Map<String, FieldRange> ranges, String field) {
        FieldRange range = ranges.get(field);
        return range != null && range.isSinglePoint();
    }

    /** Every key of a unique index given by points: the backend's own lookup, no ordered entries needed. */
    private static <P> Candidate<P> exactCandidate(Index<P> index, OrderedIndex<P> ordered, Map<String, FieldRange> ranges) {
        if (!index.isUnique()) {
            return null;
        }
        List<Document> lookups = List.of(new Document());
        for (IndexKey key : index.getKeys()) {
            FieldRange range = ranges.get(key.getKey());
            if (range == null || !range.isPoints()) {
                return null;
            }
            List<Document> next = new ArrayList<>();
            for (Document lookup : lookups) {
                for (Object point : range.points()) {
                    Document extended = lookup.clone();
                    extended.put(key.getKey(), point);
                    next.add(extended);
                }
            }
            if (next.size() > EXACT) {
                return null;
            }
            lookups = next;
        }
        return new Candidate<>(index.getName(), ordered, EXACT, false, false, null, lookups);
    }

    private static <P> Candidate<P> walkCandidate(Index<P> index, OrderedIndex<P> ordered, Map<String, FieldRange> ranges,
                                                  List<IndexKey> sortLeft) {
        List<IndexKey> keys = index.getKeys();
        int n = keys.size();
        List<Object[][]> boxes = new ArrayList<>();
        boxes.add(new Object[][]{new Object[n + 1], new Object[n + 1]});
        int bound = 0;
        boolean ranged = false;
        for (; bound < n; bound++) {
            IndexKey key = keys.get(bound);
            FieldRange range = ranges.get(key.getKey());
            if (range == null) {
                break;
            }
            if (range.isPoints()) {
                if ((long) boxes.size() * Math.max(1, range.points().size()) > MAX_BOXES) {
                    break;
                }
                boxes = withPoints(boxes, bound, range.points(), key.isAscending());
            } else {
                Object low = key.isAscending() ? range.low() : range.high();
                Object high = key.isAscending() ? range.high() : range.low();
                for (Object[][] box : boxes) {
                    box[0][bound] = low == null ? KeyOrder.LOWEST : low;
                    box[1][bound] = high == null ? KeyOrder.HIGHEST : high;
                }
                ranged = true;
                bound++;
                break;
            }
        }
        for (Object[][] box : boxes) {
            for (int i = bound; i <= n; i++) {
                box[0][i] = KeyOrder.LOWEST;
                box[1][i] = KeyOrder.HIGHEST;
            }
        }
        int points = ranged ? bound - 1 : bound;
        int score = 2 * points + (ranged ? 1 : 0);
        Boolean forward = sortDirection(keys, ranges, sortLeft);
        return new Candidate<>(index.getName(), ordered, score, forward != null, forward == Boolean.FALSE, boxes, null);
    }

    private static List<Object[][]> withPoints(List<Object[][]> boxes, int at, List<Object> points, boolean ascending) {
        List<Object> inOrder = new ArrayList<>(points);
        if (!ascending) {
            java.util.Collections.reverse(inOrder);
        }
        List<Object[][]> next = new ArrayList<>();
        for (Object[][] box : boxes) {
            for (Object point : inOrder) {
                Object[] low = box[0].clone();
                Object[] high = box[1].clone();
                low[at] = point;
                high[at] = point;
                next.add(new Object[][]{low, high});
            }
        }
        return next;
    }

    /**
     * TRUE when walking the index forward yields the requested sort, FALSE when walking it backward does, null when
     * neither. Fields fixed to one value by the query are ties and drop out of both orders.
     */
    private static Boolean sortDirection(List<IndexKey> keys, Map<String, FieldRange> ranges, List<IndexKey> sortLeft) {
        if (sortLeft.isEmpty()) {
            return Boolean.TRUE;
        }
        List<IndexKey> indexOrder = new ArrayList<>();
        for (IndexKey key : keys) {
            if (!isConstant(ranges, key.getKey())) {
                indexOrder.add(key);
            }
        }
        if (!isConstant(ranges, ID)) {
            indexOrder.add(new IndexKey(ID, true));
        }
        if (sortLeft.size() > indexOrder.size()) {
            return null;
        }
        boolean same = true;
        boolean opposite = true;
        for (int i = 0; i < sortLeft.size(); i++) {
            IndexKey wanted = sortLeft.get(i);
            IndexKey have = indexOrder.get(i);
            if (!wanted.getKey().equals(have.getKey())) {
                return null;
            }
            same &= wanted.isAscending() == have.isAscending();
            opposite &= wanted.isAscending() != have.isAscending();
        }
        return same ? Boolean.TRUE : opposite ? Boolean.FALSE : null;
    }

    private record Candidate<P>(String name, OrderedIndex<P> ordered, int score, boolean sorted, boolean reverse,
                                List<Object[][]> boxes, List<Document> exact) {

        boolean beats(Candidate<P> other) {
            return score != other.score ? score > other.score : sorted && !other.sorted;
        }

        Plan<P> toPlan(Supplier<Stream<DocumentWithPosition<P>>> all, boolean hasSort) {
            if (exact != null) {
                Set<P> positions = new LinkedHashSet<>();
                for (Document lookup : exact) {
                    ordered.exactly(lookup).forEach(positions::add);
                }
                return new Plan<>(positions, false, name);
            }
            OrderedEntries<P> entries = ordered.entries(all);
            if (!entries.ordered()) {
                return null;
            }
            return new Plan<>(entries.walk(boxes, reverse), sorted && hasSort, name);
        }
    }
}
