package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random queries against the same data on the indexed embedded store and on the plain one (which scans): the
 * answers must be the same, through inserts, updates and deletes. Where a sort leaves ties, their order is not
 * defined (as on MongoDB), so only the sequence of sort values is compared.
 */
class IndexedStoreDifferentialTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Document> SORTS = List.of(
            new Document(), new Document("b", -1).append("_id", -1), new Document("b", 1).append("_id", 1),
            new Document("a", 1), new Document("a", -1).append("_id", 1), new Document("c", 1).append("b", -1),
            new Document("u", 1), new Document("u", -1), new Document("_id", -1), new Document("b", -1),
            new Document("c", -1).append("b", 1).append("_id", 1));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomQueriesAnswerAsTheScanDoesThroughWrites(long seed) {
        Random random = new Random(seed);
        try (TwoStores stores = new TwoStores()) {
            createIndexes(stores);
            stores.insert(documents(random, 0, 600, false));
            compareRandomQueries(stores, random, 150);
            for (int round = 0; round < 4; round++) {
                write(stores, random);
                compareRandomQueries(stores, random, 60);
            }
        }
    }

    /** The file store (BSON documents, its own key type) answers as the scan does, through writes and a restart. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void onTheFileStoreRandomQueriesAnswerAsTheScanDoesThroughWritesAndARestart(long seed, @TempDir Path dir) {
        Random random = new Random(seed);
        List<Document> everything;
        try (TwoStores stores = new TwoStores(EmbeddedMongoServer.file(dir))) {
            createIndexes(stores);
            stores.insert(documents(random, 0, 400, false));
            for (int round = 0; round < 3; round++) {
                write(stores, random);
                compareRandomQueries(stores, random, 40);
            }
            everything = stores.plain.find().into(new ArrayList<>());
        }
        try (TwoStores stores = new TwoStores(EmbeddedMongoServer.file(dir))) {
            stores.plain.insertMany(everything);
            createIndexes(stores);
            assertThat(stores.indexed.countDocuments()).isEqualTo(everything.size());
            compareRandomQueries(stores, random, 80);
            write(stores, random);
            compareRandomQueries(stores, random, 40);
        }
    }

    @Test
    void arraysInAnIndexedFieldFallBackToScanningAndStillAnswerTheSame() {
        Random random = new Random(7);
        try (TwoStores stores = new TwoStores()) {
            createIndexes(stores);
            stores.insert(documents(random, 0, 300, true));
            compareRandomQueries(stores, random, 100);
            stores.indexed.deleteMany(Filters.type("a", "array"));
            stores.plain.deleteMany(Filters.type("a", "array"));
            compareRandomQueries(stores, random, 100);
        }
    }

    @Test
    void indexesCreatedAfterTheDataAnswerTheSame() {
        Random random = new Random(11);
        try (TwoStores stores = new TwoStores()) {
            stores.insert(documents(random, 0, 400, false));
            createIndexes(stores);
            compareRandomQueries(stores, random, 100);
        }
    }

    static void createIndexes(TwoStores stores) {
        stores.createIndex(new Document("a", 1), false);
        stores.createIndex(new Document("b", -1).append("_id", -1), false);
        stores.createIndex(new Document("c", 1).append("b", -1).append("_id", -1), false);
        stores.createIndex(new Document("c", 1).append("a", 1), false);
        stores.createIndex(new Document("u", 1), true);
    }

    static List<Document> documents(Random random, int from, int to, boolean arrays) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Document d = new Document("_id", i).append("u", "u" + String.format("%05d", i * 7 % 1000 + i * 1000));
            Object a = aValue(random);
            if (arrays && random.nextInt(10) == 0) {
                a = Arrays.asList(aValue(random), aValue(random));
            }
            if (a != Missing.VALUE) {
                d.append("a", a);
            }
            if (random.nextInt(12) != 0) {
                d.append("b", Date.from(T0.plusSeconds(random.nextInt(200) * 60L)));
            } else if (random.nextBoolean()) {
                d.append("b", null);
            }
            d.append("c", List.of("x", "y", "z", "w").get(random.nextInt(4)));
            documents.add(d);
        }
        return documents;
    }

    private enum Missing { VALUE }

    private static Object aValue(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> Missing.VALUE;
            case 1 -> null;
            case 2 -> random.nextInt(6) + 0.5;
            case 3 -> (long) random.nextInt(6);
            case 4 -> "s" + random.nextInt(3);
            case 5 -> random.nextBoolean();
            case 6 -> Date.from(T0.plusSeconds(random.nextInt(5) * 3600L));
            case 7 -> (double) random.nextInt(6);
            default -> random.nextInt(6);
        };
    }

    private static void write(TwoStores stores, Random random) {
        int base = 1000 + random.nextInt(100_000);
        List<Document> more = documents(random, base, base + 100, false);
        stores.insert(more);
        Bson where = filter(random);
        Bson update = Updates.combine(Updates.set("a", aValue(random) == Missing.VALUE ? 3 : random.nextInt(6)),
                Updates.set("b", Date.from(T0.plusSeconds(random.nextInt(200) * 60L))));
        stores.indexed.updateMany(where, update);
        stores.plain.updateMany(where, update);
        Bson doomed = Filters.and(filter(random), Filters.eq("c", "w"));
        stores.indexed.deleteMany(doomed);
        stores.plain.deleteMany(doomed);
        int id = base + random.nextInt(100);
        Document replacement = documents(random, id, id + 1, false).get(0).append("c", "replaced");
        stores.indexed.replaceOne(Filters.eq("_id", id), replacement);
        stores.plain.replaceOne(Filters.eq("_id", id), replacement);
        assertThat(stores.indexed.countDocuments()).isEqualTo(stores.plain.countDocuments());
    }

    private static void compareRandomQueries(TwoStores stores, Random random, int count) {
        for (int i = 0; i < count; i++) {
            Bson filter = filter(random);
            Document sort = SORTS.get(random.nextInt(SORTS.size()));
            int limit = List.of(0, 0, 1, 5, 50).get(random.nextInt(5));
            int skip = random.nextInt(4) == 0 ? 3 : 0;
            compare(stores, filter, sort, skip, limit);
        }
    }

    static void compare(TwoStores stores, Bson filter, Document sort, int skip, int limit) {
        List<Document> expected = run(stores.plain, filter, sort, skip, limit);
        List<Document> actual = run(stores.indexed, filter, sort, skip, limit);
        String what = filter.toBsonDocument().toJson() + " sort " + sort.toJson() + " skip " + skip + " limit " + limit;
        boolean total = sort.containsKey("_id") || sort.containsKey("u");
        if (total) {
            assertThat(actual).as(what).isEqualTo(expected);
        } else if (!sort.isEmpty()) {
            assertThat(sortValues(actual, sort)).as(what).isEqualTo(sortValues(expected, sort));
            if (limit == 0 && skip == 0) {
                assertThat(byId(actual)).as(what).isEqualTo(byId(expected));
            }
        } else if (limit == 0 && skip == 0) {
            assertThat(byId(actual)).as(what).isEqualTo(byId(expected));
        } else {
            List<Document> all = run(stores.plain, filter, sort, 0, 0);
            assertThat(actual).as(what).hasSize(expected.size());
            assertThat(all).as(what).containsAll(actual);
        }
        assertThat(stores.indexed.countDocuments(filter)).as(what).isEqualTo(stores.plain.countDocuments(filter));
    }

    private static List<Document> run(MongoCollection<Document> collection, Bson filter, Document sort, int skip, int limit) {
        return collection.find(filter).sort(sort).skip(skip).limit(limit).batchSize(7).into(new ArrayList<>());
    }

    private static List<Document> byId(List<Document> documents) {
        List<Document> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return sorted;
    }

    /** The sort fields of each document, numbers as doubles (5 and 5.0 tie and may come in either order). */
    private static List<List<Object>> sortValues(List<Document> documents, Document sort) {
        return documents.stream().map(d -> sort.keySet().stream()
                .map(k -> d.get(k) instanceof Number n ? (Object) n.doubleValue() : String.valueOf(d.get(k))).toList())
                .toList();
    }

    static Bson filter(Random random) {
        List<Bson> parts = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0 -> parts.add(Filters.eq("a", aBound(random)));
            case 1 -> parts.add(Filters.in("a", aBound(random), aBound(random), aBound(random)));
            case 2 -> parts.add(Filters.gt("a", aBound(random)));
            case 3 -> parts.add(Filters.and(Filters.gte("a", aBound(random)), Filters.lt("a", aBound(random))));
            case 4 -> parts.add(Filters.ne("a", aBound(random)));
            case 5 -> parts.add(Filters.lte("a", aBound(random)));
            default -> {
            }
        }
        switch (random.nextInt(5)) {
            case 0 -> parts.add(Filters.eq("c", List.of("x", "y", "z", "w").get(random.nextInt(4))));
            case 1 -> parts.add(Filters.in("c", "x", "z"));
            default -> {
            }
        }
        Date d1 = Date.from(T0.plusSeconds(random.nextInt(200) * 60L));
        Date d2 = Date.from(T0.plusSeconds(random.nextInt(200) * 60L));
        switch (random.nextInt(6)) {
            case 0 -> parts.add(Filters.gte("b", d1));
            case 1 -> parts.add(Filters.lt("b", d2));
            case 2 -> parts.add(Filters.and(Filters.gte("b", d1), Filters.lt("b", d2)));
            case 3 -> parts.add(Filters.or(Filters.lt("b", d1),
                    Filters.and(Filters.eq("b", d1), Filters.lt("_id", random.nextInt(700)))));
            case 4 -> parts.add(Filters.eq("b", null));
            default -> {
            }
        }
        switch (random.nextInt(9)) {
            case 0 -> parts.add(Filters.eq("_id", random.nextInt(700)));
            case 4 -> parts.add(Filters.in("_id", (long) random.nextInt(700), (double) random.nextInt(700)));
            case 1 -> parts.add(Filters.in("_id", random.nextInt(700), random.nextInt(700), "nope"));
            case 2 -> parts.add(Filters.gte("u", "u" + random.nextInt(9)));
            case 3 -> parts.add(Filters.gt("_id", random.nextInt(700)));
            default -> {
            }
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }

    private static Object aBound(Random random) {
        Object value = aValue(random);
        return value == Missing.VALUE ? 2 : value;
    }
}
