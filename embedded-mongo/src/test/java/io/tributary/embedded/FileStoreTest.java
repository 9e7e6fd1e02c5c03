package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H2 file store: BSON documents and typed keys survive a restart; flushes sync, and share a sync; no data size is
 * counted.
 */
class FileStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsEveryKindOfKeyAndValueAndItsUniqueIndexesAcrossARestart() {
        List<Document> written = new ArrayList<>();
        written.add(new Document("_id", new ObjectId()).append("n", 1));
        written.add(new Document("_id", "a string").append("n", 2));
        written.add(new Document("_id", 42L).append("n", 3));
        written.add(new Document("_id", 7).append("n", 4));
        written.add(new Document("_id", 2.5).append("n", 5));
        written.add(new Document("_id", new Document("aggregate", "x").append("seq", 3L)).append("n", 6));
        written.add(new Document("_id", new Date(1_700_000_000_000L)).append("n", 7));
        written.add(new Document("_id", true).append("n", 8)
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))))
                .append("money", new Decimal128(new BigDecimal("19.99"))).append("at", new Date(1_700_000_000_123L))
                .append("none", null).append("bytes", new Binary(new byte[]{1, 2, 3})));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("test").getCollection("c");
            c.createIndex(Indexes.ascending("n"), new IndexOptions().unique(true));
            c.insertMany(written);
            server.flush();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("test").getCollection("c");
            for (Document document : written) {
                assertThat(c.find(Filters.eq("_id", document.get("_id"))).first()).isEqualTo(document);
            }
            assertThat(c.find(Filters.gte("n", 4)).sort(Sorts.descending("n")).limit(2).map(d -> d.get("n")).into(new ArrayList<>()))
                    .containsExactly(8, 7);
            assertThatThrownBy(() -> c.insertOne(new Document("n", 3))).isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> c.insertOne(new Document("_id", 42L))).isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    void countsDocumentsButKeepsNoDataSizeOnEitherBackend() {
        try (EmbeddedMongoServer file = EmbeddedMongoServer.file(dir);
             EmbeddedMongoServer memory = EmbeddedMongoServer.memory()) {
            for (EmbeddedMongoServer server : List.of(file, memory)) {
                try (MongoClient client = MongoClients.create(server.connectionString())) {
                    MongoCollection<Document> c = client.getDatabase("test").getCollection("c");
                    c.insertMany(List.of(new Document("_id", 1).append("text", "x".repeat(500)),
                            new Document("_id", 2).append("text", "y".repeat(500)), new Document("_id", 3)));
                    c.replaceOne(Filters.eq("_id", 2), new Document("text", "z".repeat(900)));
                    c.deleteOne(Filters.eq("_id", 3));

                    Document stats = client.getDatabase("test").runCommand(new Document("collStats", "c"));
                    assertThat(((Number) stats.get("count")).longValue()).isEqualTo(2);
                    assertThat(((Number) stats.get("size")).longValue()).as("no byte counter kept").isZero();
                }
            }
        }
    }

    @Test
    void refusesAFileWrittenWithJavaSerialisedDocuments() {
        try (EmbeddedMongoServer old = EmbeddedMongoServer.unindexedFile(dir);
             MongoClient client = MongoClients.create(old.connectionString())) {
            client.getDatabase("test").getCollection("c").insertOne(new Document("_id", 1));
        }
        assertThatThrownBy(() -> EmbeddedMongoServer.file(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written by an older Tributary");
    }

    @Test
    void flushSyncsTheFileAndConcurrentFlushesShareOneSync() throws Exception {
        IndexedH2Backend backend = new IndexedH2Backend(dir.resolve(EmbeddedMongoServer.FILE_NAME).toString(), true,
                Duration.ofHours(1));
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(backend);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("test").getCollection("c");
            c.insertOne(new Document("_id", 1));
            long before = server.syncs();
            server.flush();
            assertThat(server.syncs()).isEqualTo(before + 1);
            server.flush();
            assertThat(server.syncs()).as("nothing new to sync").isEqualTo(before + 1);

            CountDownLatch syncing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            server.beforeSync(() -> {
                syncing.countDown();
                await(release);
            });
            c.insertOne(new Document("_id", 2));
            Thread first = new Thread(server::flush);
            first.start();
            assertThat(syncing.await(10, TimeUnit.SECONDS)).isTrue();
            server.beforeSync(() -> { });
            c.insertOne(new Document("_id", 3));
            List<Thread> waiting = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread t = new Thread(server::flush);
                t.start();
                waiting.add(t);
            }
            Thread.sleep(200);
            release.countDown();
            first.join();
            for (Thread t : waiting) {
                t.join();
            }
            assertThat(server.syncs()).as("one sync for the held flush, one shared by the four").isEqualTo(before + 3);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
