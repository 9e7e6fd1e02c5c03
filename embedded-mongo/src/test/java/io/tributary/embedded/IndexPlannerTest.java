package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which index serves which query shape, with the indexes the event log and data quality create. */
class IndexPlannerTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    static Stream<Arguments> shapes() {
        return Stream.of(
                row("newest first, limited", q(), sort("receivedAt", -1, "_id", -1), 50, "receivedAt_-1__id_-1", true),
                row("oldest first walks the same index backwards", q(), sort("receivedAt", 1, "_id", 1), 50,
                        "receivedAt_-1__id_-1", true),
                row("by event name, newest first", q("eventName", "page"), sort("receivedAt", -1, "_id", -1), 50,
                        "eventName_1_receivedAt_-1__id_-1", true),
                row("by event name before a time", q("eventName", "page", "receivedAt", op("$lt", T)),
                        sort("receivedAt", -1, "_id", -1), 50, "eventName_1_receivedAt_-1__id_-1", true),
                row("page after a cursor ($or)", q("$or", List.of(q("receivedAt", op("$lt", T)),
                                q("receivedAt", T, "_id", op("$lt", "r9")))), sort("receivedAt", -1, "_id", -1), 50,
                        "receivedAt_-1__id_-1", true),
                row("time range without sort", q("at", op("$gte", T, "$lt", T.plusSeconds(86_400))), null, 0, "at_1", false),
                row("equality then range, sorted by the range key", q("sourceId", "s1", "receivedAt", op("$lt", T)),
                        sort("receivedAt", -1), 1, "sourceId_1_receivedAt_-1", true),
                row("_id plus another field", q("_id", "r3", "status", "ok"), null, 0, "_id_", false),
                row("_id $in", q("_id", op("$in", List.of("r1", "r2"))), null, 0, "_id_", false),
                row("$in on a leading key", q("eventName", op("$in", List.of("page", "order"))), null, 0,
                        "eventName_1_receivedAt_-1__id_-1", false),
                row("$in on a leading key keeps its order when sorted by it", q("eventName", op("$in", List.of("a", "b"))),
                        sort("eventName", -1), 10, "eventName_1_receivedAt_-1__id_-1", true),
                row("_id range sorted by _id", q("_id", op("$gt", "r5")), sort("_id", 1), 1, "_id_", true),
                row("a field without an index", q("status", "ok"), null, 0, null, false),
                row("no filter, no sort", q(), null, 10, null, false),
                row("sort without a limit scans (every document is read anyway)", q(), sort("receivedAt", -1), 0, null, false),
                row("natural order", q(), sort("$natural", -1), 1, null, false),
                row("a sort no index has", q(), sort("status", 1), 10, null, false),
                row("mixed directions no index has", q(), sort("receivedAt", -1, "_id", 1), 10, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void choosesTheIndexThatServesTheShape(String shape, Document query, Document orderBy, int limit, String index,
                                           boolean inOrder) {
        IndexPlanner.Plan<Integer> plan = IndexPlanner.plan(indexes(), query, orderBy, limit, IndexPlannerTest::none);

        if (index == null) {
            assertThat(plan).isNull();
        } else {
            assertThat(plan).isNotNull();
            assertThat(plan.index()).isEqualTo(index);
            assertThat(plan.sorted()).isEqualTo(inOrder);
        }
    }

    private static List<Index<Integer>> indexes() {
        List<Index<Integer>> indexes = new ArrayList<>();
        indexes.add(new OrderedUniqueIndex<>(new MemoryUniqueIndex("_id_", keys("_id", 1), false), "_id_", keys("_id", 1), false));
        indexes.add(new RangeIndex<>("receivedAt_-1__id_-1", keys("receivedAt", -1, "_id", -1), false));
        indexes.add(new RangeIndex<>("eventName_1_receivedAt_-1__id_-1", keys("eventName", 1, "receivedAt", -1, "_id", -1), false));
        indexes.add(new RangeIndex<>("at_1", keys("at", 1), false));
        indexes.add(new RangeIndex<>("sourceId_1_receivedAt_-1", keys("sourceId", 1, "receivedAt", -1), false));
        return indexes;
    }

    private static Stream<DocumentWithPosition<Integer>> none() {
        return Stream.empty();
    }

    private static Arguments row(String shape, Document query, Document orderBy, int limit, String index, boolean inOrder) {
        return Arguments.of(shape, query, orderBy, limit, index, inOrder);
    }

    private static List<IndexKey> keys(Object... fieldsAndDirections) {
        List<IndexKey> keys = new ArrayList<>();
        for (int i = 0; i < fieldsAndDirections.length; i += 2) {
            keys.add(new IndexKey((String) fieldsAndDirections[i], ((Integer) fieldsAndDirections[i + 1]) > 0));
        }
        return keys;
    }

    private static Document q(Object... fieldsAndValues) {
        Document document = new Document();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            document.append((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return document;
    }

    private static Document op(Object... operatorsAndValues) {
        return q(operatorsAndValues);
    }

    private static Document sort(Object... fieldsAndDirections) {
        return q(fieldsAndDirections);
    }
}
