package io.tributary.app.config;

import io.tributary.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code MONGODB_URI} is set: the file store under the data
 * directory, or memory for tests (see docs/embedded-store.md).
 */
public class EmbeddedMongo implements MongoEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final EmbeddedMongoServer server;

    /** Set only by the bench, to measure what the fsync costs; the file store is then not durable. */
    static final String BENCH_NO_FSYNC = "tributary.bench.no-fsync";

    public EmbeddedMongo(String mode, String dataDir) {
        this.server = "memory".equals(mode) ? EmbeddedMongoServer.memory()
                : Boolean.getBoolean(BENCH_NO_FSYNC) ? EmbeddedMongoServer.fileWithoutSync(Path.of(dataDir))
                : EmbeddedMongoServer.file(Path.of(dataDir));
        log.info("Embedded MongoDB-wire server ({}) listening on {}", mode, server.address());
    }

    @Override
    public String connectionString() {
        return server.connectionString();
    }

    /**
     * Makes every write made so far durable (file store: commit and fsync, shared by concurrent callers). Intake
     * calls it after each batch and {@link DurableWritesFilter} after each admin write, before answering.
     */
    @Override
    public void flush() {
        server.flush();
    }

    @Override
    public void compact() {
        server.compact();
    }

    /** The store itself, for tests that observe its syncs. */
    public EmbeddedMongoServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
