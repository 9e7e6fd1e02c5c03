package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file backend with ordered indexes: same answers as the scan, and its indexes come back after a restart. */
class IndexedH2BackendTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void answersRangeAndSortQueriesAsTheScanDoesAndRebuildsItsIndexesOnRestart() {
        try (TwoStores stores = new TwoStores(EmbeddedMongoServer.file(dir))) {
            IndexedStoreDifferentialTest.createIndexes(stores);
            stores.insert(events(0, 500));
            assertSameAnswers(stores);
        }

        try (TwoStores stores = new TwoStores(EmbeddedMongoServer.file(dir))) {
            stores.plain.insertMany(events(0, 500));
            IndexedStoreDifferentialTest.createIndexes(stores);

            Document validation = stores.indexed.countDocuments() == 500 ? indexedDatabaseValidate(stores) : null;
            assertThat(validation).isNotNull();
            assertThat(validation.get("keysPerIndex", Document.class).get("b_-1__id_-1", Number.class).intValue())
                    .isEqualTo(500);
            assertSameAnswers(stores);
        }
    }

    private static Document indexedDatabaseValidate(TwoStores stores) {
        return stores.indexedDatabase().runCommand(new Document("validate", "c"));
    }

    private static void assertSameAnswers(TwoStores stores) {
        Date mid = Date.from(T0.plusSeconds(250 * 60));
        IndexedStoreDifferentialTest.compare(stores, Filters.lt("b", mid), new Document("b", -1).append("_id", -1), 0, 20);
        IndexedStoreDifferentialTest.compare(stores, Filters.and(Filters.eq("c", "x"), Filters.gte("b", mid)),
                new Document("b", -1).append("_id", -1), 0, 0);
        IndexedStoreDifferentialTest.compare(stores, Filters.in("a", 1, 2), new Document(), 0, 0);
        IndexedStoreDifferentialTest.compare(stores, Filters.gt("_id", 400), new Document("_id", 1), 0, 3);
    }

    private static List<Document> events(int from, int to) {
        List<Document> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(new Document("_id", i).append("u", "u" + i).append("a", i % 7)
                    .append("b", Date.from(T0.plusSeconds(i * 60L))).append("c", i % 3 == 0 ? "x" : "y"));
        }
        return events;
    }
}
