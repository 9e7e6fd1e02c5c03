package io.tributary.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global, gap-aware sequence with several writers in several processes (issue 21): three JVMs append at once to
 * one store, each reserving its blocks of indexes, while this process tracks the stream; the tracker must see every
 * acknowledged event exactly once, and the shared aggregate's stream must have no hole and no duplicate.
 */
class SeveralWriterProcessesTest {

    private static final int WRITERS = 3;
    private static final int UNITS = 80;

    @TempDir
    Path work;

    @Test
    void tracksEveryEventOfSeveralWriterProcessesExactlyOnce() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.memory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                    .database(client.getDatabase("writers")).eventSerializer(serializer)
                    .snapshotSerializer(serializer).batchSize(100).build();
            engine.ensureIndexes();

            List<Process> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), AppendingWriter.class.getName(),
                        server.connectionString(), "writers", "w" + w, String.valueOf(UNITS),
                        work.resolve("w" + w + ".txt").toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("w" + w + ".log").toFile()).start());
            }

            List<String> tracked = new ArrayList<>();
            TrackingToken token = null;
            int quietReads = 0;
            while (quietReads < 5) {
                boolean writing = writers.stream().anyMatch(Process::isAlive);
                List<? extends TrackedEventMessage<?>> batch = engine.readEvents(token, false).toList();
                for (TrackedEventMessage<?> event : batch) {
                    tracked.add(event.getIdentifier());
                    token = event.trackingToken();
                }
                quietReads = writing || !batch.isEmpty() ? 0 : quietReads + 1;
                Thread.sleep(writing ? 5 : 50);
            }

            Set<String> acknowledged = new HashSet<>();
            for (int w = 0; w < WRITERS; w++) {
                assertThat(writers.get(w).waitFor(1, TimeUnit.MINUTES)).isTrue();
                assertThat(writers.get(w).exitValue()).as(Files.readString(work.resolve("w" + w + ".log"))).isZero();
                acknowledged.addAll(Files.readAllLines(work.resolve("w" + w + ".txt")));
            }
            assertThat(tracked).as("tracked once each").doesNotHaveDuplicates();
            assertThat(tracked).containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(engine.readEvents(AppendingWriter.SHARED_CART).asStream()
                    .map(event -> event.getSequenceNumber()).toList())
                    .as("the shared cart's stream, appended by every writer").hasSize(WRITERS * UNITS)
                    .isSorted().doesNotHaveDuplicates();
        }
    }
}
