package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the app's write pattern ({@link StoreChurn}: a flush per batch) the data file stays within a bounded factor of
 * a file holding the same data written once. Before the periodic compaction it grew about a chunk per commit: 5.0×
 * that file after 400 batches, and growing.
 */
class FileGrowthTest {

    private static final int BATCHES = 400;
    /** About a second of the app's intake at 400 tracked events/s: how often the flush thread compacts. */
    private static final int BATCHES_PER_ROUND = 4;
    private static final Duration NO_TIMER = Duration.ofHours(1);

    @TempDir
    Path churned;

    @TempDir
    Path fresh;

    @Test
    void keepsTheFileWithinThreeTimesTheSameDataWrittenOnce() {
        IndexedH2Backend backend = new IndexedH2Backend(file(churned), true, NO_TIMER);
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(backend);
             MongoClient client = MongoClients.create(server.connectionString());
             EmbeddedMongoServer reference = EmbeddedMongoServer.file(fresh);
             MongoClient referenceClient = MongoClients.create(reference.connectionString())) {
            MongoDatabase db = client.getDatabase("shop");
            StoreChurn.createIndexes(db);
            StoreChurn churn = new StoreChurn(db);
            for (int batch = 1; batch <= BATCHES; batch++) {
                churn.writeBatch();
                server.flush();
                if (batch % BATCHES_PER_ROUND == 0) {
                    backend.compactSome();
                }
            }
            MongoDatabase copy = referenceClient.getDatabase("shop");
            StoreChurn.createIndexes(copy);
            StoreChurn.copy(db, copy);
            reference.flush();

            long churnedBytes = server.fileStats().fileBytes();
            long freshBytes = reference.fileStats().fileBytes();
            System.out.printf("churned: %s; the same data written once: %,d bytes (%.1fx); compaction %s%n",
                    server.fileStats(), freshBytes, churnedBytes / (double) freshBytes, backend.compactionTotals());
            assertThat(churnedBytes).isLessThanOrEqualTo(3 * freshBytes);
        }
    }

    @Test
    void compactsFromTheFlushThreadWithoutBeingAsked() {
        IndexedH2Backend backend = new IndexedH2Backend(file(churned), true, Duration.ofMillis(200));
        try (EmbeddedMongoServer server = new EmbeddedMongoServer(backend);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("shop");
            StoreChurn.createIndexes(db);
            StoreChurn churn = new StoreChurn(db);
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                churn.writeBatch();
                server.flush();
                return backend.compactionTotals().passes() > 0;
            });
        }
    }

    /**
     * The process dies while compaction rounds run back to back beside the writes: the file opens at its last commit
     * with every index agreeing with its documents, and every flushed batch is there.
     */
    @Test
    void keepsEveryFlushedBatchWhenTheProcessDiesDuringCompaction() throws Exception {
        IndexedH2Backend backend = new IndexedH2Backend(file(churned), true, NO_TIMER);
        EmbeddedMongoServer server = new EmbeddedMongoServer(backend);
        AtomicInteger flushed = new AtomicInteger();
        AtomicBoolean crashed = new AtomicBoolean();
        ExecutorService compactor = Executors.newSingleThreadExecutor();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("shop");
            StoreChurn.createIndexes(db);
            StoreChurn churn = new StoreChurn(db);
            for (int batch = 0; batch < 60; batch++) {
                churn.writeBatch();
                server.flush();
                flushed.incrementAndGet();
            }
            Future<?> compacting = compactor.submit(() -> {
                while (!crashed.get()) {
                    try {
                        backend.compactSome();
                    } catch (RuntimeException e) {
                        if (!crashed.get()) {
                            throw e;
                        }
                    }
                }
            });
            for (int batch = 0; batch < 60; batch++) {
                churn.writeBatch();
                server.flush();
                flushed.incrementAndGet();
            }
            assertThat(backend.compactionTotals().passes()).as("compaction ran beside the writes").isPositive();
            churn.writeBatch();
            crashed.set(true);
            backend.getMvStore().closeImmediately();
            compacting.get(30, TimeUnit.SECONDS);
        } finally {
            compactor.shutdownNow();
            server.close();
        }
        IndexedH2Backend reopened = new IndexedH2Backend(file(churned), true, NO_TIMER);
        try (EmbeddedMongoServer server2 = new EmbeddedMongoServer(reopened);
             MongoClient client = MongoClients.create(server2.connectionString())) {
            MongoDatabase db = client.getDatabase("shop");
            assertThat(reopened.indexBuilds()).as("every ordered index agreed with its documents").isZero();
            long acknowledged = (long) flushed.get() * StoreChurn.EVENTS_PER_BATCH;
            assertThat(db.getCollection("domainevents").countDocuments()).isGreaterThanOrEqualTo(acknowledged);
            assertThat(db.getCollection("eventlog").countDocuments()).isGreaterThanOrEqualTo(acknowledged);
        }
    }

    private static String file(Path dir) {
        return dir.resolve(EmbeddedMongoServer.FILE_NAME).toString();
    }
}
