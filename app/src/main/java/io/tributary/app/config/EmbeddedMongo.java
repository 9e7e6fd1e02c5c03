package io.tributary.app.config;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.tributary.app.embedded.IndexedH2Backend;
import io.tributary.app.embedded.IndexedMemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server used when no {@code MONGODB_URI} is set: an H2 file under the data
 * directory, or memory for tests. Both serve ranges and sorts from ordered indexes (see docs/embedded-store.md).
 */
public class EmbeddedMongo implements MongoEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    public EmbeddedMongo(String mode, String dataDir) {
        this.backend = "memory".equals(mode) ? new IndexedMemoryBackend() : fileBackend(dataDir);
        backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        this.address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server ({}) listening on {}", mode, address);
    }

    @Override
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Writes reach the H2 file about a second after they are made unless committed; intake commits before it answers. */
    @Override
    public void flush() {
        if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    @Override
    public void close() {
        flush();
        server.shutdownNow();
    }

    private static MongoBackend fileBackend(String dataDir) {
        try {
            Path dir = Path.of(dataDir);
            Files.createDirectories(dir);
            return new IndexedH2Backend(dir.resolve("tributary.mv.db").toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }
}
