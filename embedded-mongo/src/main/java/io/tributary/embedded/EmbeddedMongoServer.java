package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one way to start the in-process MongoDB-wire server: {@link #memory()} or {@link #file(Path)}, both with ordered
 * indexes (see docs/embedded-store.md), listening on a free port of 127.0.0.1 until {@link #close()}. The
 * {@code unindexed} variants are the stock mongo-java-server backends, kept only as the reference that comparisons
 * (differential tests, benches) measure the indexed ones against.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The file the store keeps under its data directory. */
    public static final String FILE_NAME = "tributary.mv.db";

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    EmbeddedMongoServer(MongoBackend backend) {
        this(backend, "127.0.0.1", 0);
    }

    EmbeddedMongoServer(MongoBackend backend, String host, int port) {
        this.backend = backend;
        backend.version(ServerVersion.MONGO_5_0);
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /** Indexed, in memory: gone when closed. What the tests and the bench run on. */
    public static EmbeddedMongoServer memory() {
        return new EmbeddedMongoServer(new IndexedMemoryBackend());
    }

    /**
     * Indexed, in the H2 file {@value #FILE_NAME} under {@code dataDir}, which is created if missing; {@link #flush()}
     * commits and fsyncs.
     */
    public static EmbeddedMongoServer file(Path dataDir) {
        return new EmbeddedMongoServer(new IndexedH2Backend(storeFile(dataDir)));
    }

    /**
     * The file store of {@link #file(Path)} served on {@code host:port} (port 0: a free one) for other processes: the
     * standalone store that several app nodes share (see docs/scale-out.md). Clients cannot ask it to flush, so it
     * commits and fsyncs every {@code syncEvery}: a write acknowledged less than that before a crash of this process
     * may be lost.
     */
    public static EmbeddedMongoServer serveFile(Path dataDir, String host, int port, Duration syncEvery) {
        return new EmbeddedMongoServer(new IndexedH2Backend(storeFile(dataDir), true, syncEvery), host, port);
    }

    /**
     * The file store whose {@link #flush()} commits without an fsync: not durable against an OS crash or power loss.
     * Only for the bench, to measure what the sync costs.
     */
    public static EmbeddedMongoServer fileWithoutSync(Path dataDir) {
        return new EmbeddedMongoServer(new IndexedH2Backend(storeFile(dataDir), false, Duration.ofSeconds(1)));
    }

    /** The stock memory backend, which scans for every range and sort; a reference to compare against. */
    public static EmbeddedMongoServer unindexedMemory() {
        return new EmbeddedMongoServer(new MemoryBackend());
    }

    /** The stock H2 file backend under {@code dataDir}, which scans for every range and sort; a reference. */
    public static EmbeddedMongoServer unindexedFile(Path dataDir) {
        return new EmbeddedMongoServer(new H2Backend(storeFile(dataDir)));
    }

    /** {@code mongodb://127.0.0.1:<port>}, for any MongoDB driver. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /**
     * Makes every write made before this call durable: on the file store, commit and fsync, one sync shared by the
     * flushes that wait for it (see docs/embedded-store.md); nothing to do in memory.
     */
    public void flush() {
        if (backend instanceof IndexedH2Backend file) {
            file.flush();
        } else if (backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    /** Rewrites the file store with its live pages only (see {@link IndexedH2Backend#compact()}); nothing in memory. */
    public void compact() {
        if (backend instanceof IndexedH2Backend file) {
            file.compact();
        } else {
            flush();
        }
    }

    /** How full the file store's file is; {@link FileStats#none()} in memory. */
    public FileStats fileStats() {
        return backend instanceof IndexedH2Backend file ? file.fileStats() : FileStats.none();
    }

    /** What the file store's periodic compaction did since it opened; null in memory. */
    public FileCompaction.Totals compactionTotals() {
        return backend instanceof IndexedH2Backend file ? file.compactionTotals() : null;
    }

    /** How many times the file store forced its file to disk; 0 in memory. */
    public long syncs() {
        return backend instanceof IndexedH2Backend file ? file.syncs() : 0;
    }

    /** Runs just before each fsync of the file store, on the flushing thread; for tests. */
    public void beforeSync(Runnable hook) {
        if (backend instanceof IndexedH2Backend file) {
            file.beforeSync(hook);
        }
    }

    /** Flushes, stops listening and closes the store. */
    @Override
    public void close() {
        flush();
        server.shutdownNow();
    }

    private static String storeFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir, OwnerOnly.directory(dataDir));
            return dataDir.resolve(FILE_NAME).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
    }
}
