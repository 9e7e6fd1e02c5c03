package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 file backend whose secondary indexes are ordered (in memory) and serve ranges and sorts,
 * whose documents are stored as BSON ({@link StoreFormat}), and whose writes are made durable by {@link #flush()}:
 * commit, then fsync, group-committed. H2's own background commits are off; a flush runs every second instead, so
 * writes nobody flushed still reach the disk within about a second, as before.
 */
public final class IndexedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    private final boolean sync;
    private final Object flushLock = new Object();
    /** Every write made while the store's version was at most this is committed (and synced, if syncing). */
    private long durableVersion = -1;
    private final AtomicLong syncs = new AtomicLong();
    private volatile Runnable beforeSync = () -> { };
    private final ScheduledExecutorService flusher;

    public IndexedH2Backend(String fileName) {
        this(fileName, true, Duration.ofSeconds(1));
    }

    IndexedH2Backend(String fileName, boolean sync, Duration flushEvery) {
        super(StoreFormat.open(fileName));
        this.sync = sync;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-store-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return IndexedH2Database.open(name, getMvStore(), getCursorRegistry());
    }

    /**
     * Commits every write made before this call and, unless syncing is off, forces the file to disk. Callers that
     * arrive while another flush runs wait for it; if it covered their writes they return without a sync of their
     * own, so concurrent flushes share one sync.
     */
    public void flush() {
        MVStore store = getMvStore();
        long mine = store.getCurrentVersion();
        synchronized (flushLock) {
            // every commit runs here and syncs, so a store with nothing unsaved has nothing left to sync
            if (mine <= durableVersion || store.isClosed() || !store.hasUnsavedChanges()) {
                return;
            }
            long before = store.getCurrentVersion();
            store.commit();
            boolean committed = store.getCurrentVersion() > before;
            if (sync) {
                beforeSync.run();
                store.sync();
                syncs.incrementAndGet();
            }
            durableVersion = committed ? before : before - 1;
        }
    }

    /** A commit is always a flush here, so that no commit goes unsynced. */
    @Override
    public void commit() {
        flush();
    }

    /**
     * Rewrites the file with only its live pages and syncs it, so that pages an erasure or a rebuild replaced (and
     * the clear values in them) no longer lie in the file. MVStore appends; without this, old pages linger until
     * their chunks happen to be reused.
     */
    public void compact() {
        synchronized (flushLock) {
            MVStore store = getMvStore();
            if (store.isClosed()) {
                return;
            }
            int retention = store.getRetentionTime();
            try {
                store.setRetentionTime(0);
                store.commit();
                store.compactFile(60_000);
                store.commit();
                store.sync();
            } finally {
                store.setRetentionTime(retention);
            }
        }
    }

    /** How many times the file was forced to disk. */
    public long syncs() {
        return syncs.get();
    }

    /** Runs before each fsync, on the flushing thread; for tests that check what waits for the sync. */
    public void beforeSync(Runnable hook) {
        this.beforeSync = hook;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Background flush of the embedded store failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        synchronized (flushLock) {
            if (!getMvStore().isClosed()) {
                getMvStore().commit();
                getMvStore().sync();
            }
        }
        super.close();
    }
}
