package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store keeps its ordered indexes in the file: a restart builds none of them, and they answer at once; a
 * file from before they were persisted builds each once; index and documents agree after a crash.
 */
class PersistedIndexesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void reopensWithEveryOrderedIndexFromTheFileAndBuildsNone() {
        List<Document> written = events(0, 400);
        try (Store store = new Store(dir)) {
            createIndexes(store.events());
            store.events().insertMany(written);
            assertThat(newestBefore(store.events(), 300)).hasSize(20);
            assertThat(seqsFrom(store.events(), 100)).hasSize(5);
        }
        try (Store store = new Store(dir)) {
            assertThat(store.backend.indexBuilds()).isZero();
            assertAnswers(store.database(), written);
            assertThatThrownBy(() -> store.events().insertOne(new Document("seq", 7)))
                    .isInstanceOf(MongoWriteException.class);

            List<Document> more = events(400, 450);
            store.events().insertMany(more);
            store.events().deleteMany(Filters.lt("seq", 50));
            store.events().updateMany(Filters.eq("source", "s1"), Updates.set("at", Date.from(T0)));
            written = store.events().find().into(new ArrayList<>());
        }
        try (Store store = new Store(dir)) {
            assertThat(store.backend.indexBuilds()).isZero();
            assertAnswers(store.database(), written);
        }
    }

    /**
     * {@code stores/before-persisted-indexes.mv.db} was written by the previous version (commit 7628742, ordered
     * indexes in heap only): 120 events as {@link #oldStoreEvents()} makes them, with the indexes of
     * {@link #createIndexes}, after one range query on {@code seq}.
     */
    @Test
    void opensAStoreWrittenBeforeIndexesWerePersistedBuildingEachOnceThenKeepingIt() throws IOException {
        try (InputStream old = getClass().getResourceAsStream("/stores/before-persisted-indexes.mv.db")) {
            Files.copy(old, dir.resolve(EmbeddedMongoServer.FILE_NAME));
        }
        List<Document> written = oldStoreEvents();

        try (Store store = new Store(dir)) {
            assertThat(store.backend.indexBuilds()).as("the two secondary indexes, at open").isEqualTo(2);
            assertAnswers(store.database(), written);
            assertThat(store.backend.indexBuilds()).as("and the unique index's ordered copy, on first use").isEqualTo(3);
            assertThatThrownBy(() -> store.events().insertOne(new Document("seq", 7)))
                    .isInstanceOf(MongoWriteException.class);
        }
        try (Store store = new Store(dir)) {
            assertThat(store.backend.indexBuilds()).isZero();
            assertAnswers(store.database(), written);
            assertThat(store.backend.indexBuilds()).isZero();
        }
    }

    @Test
    void aDroppedIndexLeavesTheFileAndOneCreatedAgainUnderItsNameHoldsTheCurrentDocuments() {
        try (Store store = new Store(dir)) {
            createIndexes(store.events());
            store.events().insertMany(events(0, 100));
            store.events().dropIndex("source_1_at_-1");
            store.events().deleteMany(Filters.lt("seq", 90));
            store.events().insertMany(events(100, 120));
            createIndexes(store.events());
            assertAnswers(store.database(), store.events().find().into(new ArrayList<>()));
        }
        try (Store store = new Store(dir)) {
            store.database().getCollection("events").drop();
            store.events().insertMany(events(500, 510));
            createIndexes(store.events());
            assertAnswers(store.database(), events(500, 510));
        }
        try (Store store = new Store(dir)) {
            assertThat(store.backend.indexBuilds()).isZero();
            assertAnswers(store.database(), events(500, 510));
        }
    }

    /**
     * Writers insert, update and delete while flushes commit every 2 ms; then the process "dies" in the middle of it:
     * the file is closed at once, without a final commit, while the writers still write. What the file holds must be
     * whole requests: every index has exactly one entry per document, so reopening builds nothing, and every index
     * query answers as the documents say. Three crashes, each on the file the one before left.
     */
    @Test
    void indexesAndDocumentsAgreeAfterCrashesDuringWritesAndCommits() throws Exception {
        for (int crash = 0; crash < 3; crash++) {
            writeUntilACrash(crash);
            try (Store store = new Store(dir)) {
                assertThat(store.backend.indexBuilds()).as("every index agreed with its documents").isZero();
                List<Document> all = store.events().find().into(new ArrayList<>());
                assertThat(all).isNotEmpty();
                assertAnswers(store.database(), all);
                assertThat(store.backend.indexBuilds()).as("nor the unique index's ordered copy").isZero();
            }
        }
    }

    private void writeUntilACrash(int crash) throws Exception {
        IndexedH2Backend backend = new IndexedH2Backend(file(dir), true, Duration.ofMillis(2));
        EmbeddedMongoServer server = new EmbeddedMongoServer(backend);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        AtomicBoolean crashed = new AtomicBoolean();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            createIndexes(events);
            seqsFrom(events, 0);
            long before = events.countDocuments();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = 3 * crash + w;
                running.add(writers.submit(() -> write(events, writer, crashed)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (events.countDocuments() < before + 600 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            crashed.set(true);
            backend.getMvStore().closeImmediately();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
            server.close();
        }
    }

    /** Writes until the crash; what fails after it is what a dead process would not see. */
    private static void write(MongoCollection<Document> events, int writer, AtomicBoolean crashed) {
        Random random = new Random(writer);
        int next = writer * 1_000_000;
        while (!crashed.get()) {
            try {
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 300; i++, next++) {
                    batch.add(event(next, random));
                }
                events.insertMany(batch);
                events.updateMany(Filters.and(Filters.gte("seq", next - 400), Filters.lt("seq", next - 350)),
                        Updates.set("at", Date.from(T0.plusSeconds(random.nextInt(10_000)))));
                events.deleteMany(Filters.and(Filters.gte("seq", next - 500), Filters.lt("seq", next - 480)));
            } catch (RuntimeException e) {
                if (!crashed.get()) {
                    throw e;
                }
            }
        }
    }

    private static void createIndexes(MongoCollection<Document> events) {
        events.createIndex(Indexes.compoundIndex(Indexes.descending("at"), Indexes.descending("_id")));
        events.createIndex(Indexes.compoundIndex(Indexes.ascending("source"), Indexes.descending("at")));
        events.createIndex(Indexes.ascending("seq"), new IndexOptions().unique(true));
    }

    /** Every ordered index answers as the documents say: newest first, by source, a range of the unique key. */
    private static void assertAnswers(MongoDatabase database, List<Document> documents) {
        MongoCollection<Document> events = database.getCollection("events");
        Comparator<Document> newest = Comparator.<Document, Date>comparing(d -> d.getDate("at"))
                .thenComparing(d -> d.getString("_id")).reversed();
        assertThat(newestBefore(events, Integer.MAX_VALUE)).isEqualTo(documents.stream().sorted(newest).limit(20).toList());
        assertThat(events.find(Filters.eq("source", "s2")).sort(Sorts.descending("at", "_id")).limit(10).into(new ArrayList<>()))
                .isEqualTo(documents.stream().filter(d -> d.getString("source").equals("s2")).sorted(newest).limit(10).toList());
        int middle = documents.stream().mapToInt(d -> d.getInteger("seq")).sorted().skip(documents.size() / 2).findFirst().orElse(0);
        assertThat(seqsFrom(events, middle)).isEqualTo(documents.stream().map(d -> d.getInteger("seq"))
                .filter(s -> s >= middle).sorted().limit(5).toList());
        Document keys = database.runCommand(new Document("validate", "events")).get("keysPerIndex", Document.class);
        assertThat(keys.get("at_-1__id_-1", Number.class).longValue()).isEqualTo(documents.size());
        assertThat(keys.get("source_1_at_-1", Number.class).longValue()).isEqualTo(documents.size());
    }

    private static List<Document> newestBefore(MongoCollection<Document> events, int seq) {
        return events.find(Filters.lt("seq", seq)).sort(Sorts.descending("at", "_id")).limit(20).into(new ArrayList<>());
    }

    private static List<Integer> seqsFrom(MongoCollection<Document> events, int seq) {
        return events.find(Filters.gte("seq", seq)).sort(Sorts.ascending("seq")).limit(5)
                .map(d -> d.getInteger("seq")).into(new ArrayList<>());
    }

    private static List<Document> events(int from, int to) {
        Random random = new Random(from);
        List<Document> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(event(i, random));
        }
        return events;
    }

    private static List<Document> oldStoreEvents() {
        List<Document> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(new Document("_id", String.format("e%09d", i)).append("seq", i).append("source", "s" + (i % 4))
                    .append("at", Date.from(T0.plusSeconds((i * 7919L) % 100_000))));
        }
        return events;
    }

    private static Document event(int seq, Random random) {
        return new Document("_id", String.format("e%09d", seq)).append("seq", seq)
                .append("source", "s" + random.nextInt(4))
                .append("at", Date.from(T0.plusSeconds(random.nextInt(100_000))));
    }

    private static String file(Path dir) {
        return dir.resolve(EmbeddedMongoServer.FILE_NAME).toString();
    }

    /** The file store and a client on it. */
    private static final class Store implements AutoCloseable {

        final IndexedH2Backend backend;
        private final EmbeddedMongoServer server;
        private final MongoClient client;

        Store(Path dir) {
            backend = new IndexedH2Backend(file(dir), true, Duration.ofHours(1));
            server = new EmbeddedMongoServer(backend);
            client = MongoClients.create(server.connectionString());
        }

        MongoDatabase database() {
            return client.getDatabase("test");
        }

        MongoCollection<Document> events() {
            return database().getCollection("events");
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
