package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Under the app's write pattern the data file stays within a bounded factor of a file holding the same data. */
class FileGrowthTest {

    private static final int BATCHES = 400;

    @TempDir
    Path churned;

    @TempDir
    Path fresh;

    @Test
    void keepsTheFileWithinAFactorOfItsDataUnderChurn() {
        IndexedH2Backend backend = new IndexedH2Backend(churned.resolve(EmbeddedMongoServer.FILE_NAME).toString(), true,
                Duration.ofSeconds(1));
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
                if (batch % 50 == 0) {
                    System.out.printf("batch %d: %s live %,d%n", batch, server.fileStats(), server.fileStats().liveBytes());
                }
            }
            MongoDatabase copy = referenceClient.getDatabase("shop");
            StoreChurn.createIndexes(copy);
            StoreChurn.copy(db, copy);
            reference.flush();

            long churnedBytes = server.fileStats().fileBytes();
            long freshBytes = reference.fileStats().fileBytes();
            System.out.println(backend.compactionTotals());
            System.out.printf("churned %,d bytes, the same data written once %,d bytes: %.1fx%n", churnedBytes, freshBytes,
                    churnedBytes / (double) freshBytes);
            assertThat(churnedBytes).isLessThanOrEqualTo(3 * freshBytes);
        }
    }
}
