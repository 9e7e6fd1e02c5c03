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

    public EmbeddedMongo(String mode, String dataDir) {
        this.server = "memory".equals(mode) ? EmbeddedMongoServer.memory() : EmbeddedMongoServer.file(Path.of(dataDir));
        log.info("Embedded MongoDB-wire server ({}) listening on {}", mode, server.address());
    }

    @Override
    public String connectionString() {
        return server.connectionString();
    }

    /** Writes reach the H2 file about a second after they are made unless committed; intake commits before it answers. */
    @Override
    public void flush() {
        server.flush();
    }

    @Override
    public void close() {
        server.close();
    }
}
