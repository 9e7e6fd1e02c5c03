package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 file backend whose secondary indexes are ordered (in memory) and serve ranges and sorts,
 * whose documents are stored as BSON ({@link StoreFormat}), and whose writes are made durable by {@link #flush()}:
 * commit, then fsync, group-committed. H2's own background commits are off; a flush runs every second instead, so
 * writes nobody flushed still reach the disk within about a second, as before.
 * <p>
 * A commit never falls inside a write: every request the server hands this backend, except the reads
 * ({@link ReadOnlyCommands}), holds {@link #requests} shared, and a commit holds it exclusively. So a document and
 * its index entries (written by one request, in several maps of the same MVStore) are in the same commit, and after
 * a crash the file holds both or neither. Reads do not hold it, so a long scan never delays a commit.
 */
public final class IndexedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    private static final String FILLER = "tributary.compaction.filler";
    private static final int BLOCK = 4096;
    /**
     * Set only by benches, to measure the file store as it was before the periodic compaction (no compaction, H2's
     * default 45 s retention of dead chunks); read when a store opens.
     */
    public static final String BENCH_NO_COMPACTION = "tributary.bench.no-compaction";

    private final boolean sync;
    private final Object flushLock = new Object();
    private final ReentrantReadWriteLock requests = new ReentrantReadWriteLock();
    /** Every write made while the store's version was at most this is committed (and synced, if syncing). */
    private long durableVersion = -1;
    private final AtomicLong syncs = new AtomicLong();
    /** Set on first use: H2Backend's constructor opens the databases before this class's fields are set. */
    private AtomicLong indexBuilds;
    private volatile Runnable beforeSync = () -> { };
    private final ScheduledExecutorService flusher;
    private final FileCompaction compaction;
    private volatile boolean closing;
    private final boolean compacting;

    public IndexedH2Backend(String fileName) {
        this(fileName, true, Duration.ofSeconds(1));
    }

    IndexedH2Backend(String fileName, boolean sync, Duration flushEvery) {
        super(StoreFormat.open(fileName));
        this.sync = sync;
        this.compaction = new FileCompaction();
        this.compacting = !Boolean.getBoolean(BENCH_NO_COMPACTION);
        if (sync && compacting) {
            // every commit is synced before the next one writes, so a dead chunk's space can be reused at once
            getMvStore().setRetentionTime(0);
        }
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
        return IndexedH2Database.open(name, getMvStore(), getCursorRegistry(), indexBuildCounter());
    }

    /** Every command but the reads holds the requests' lock (OP_MSG messages arrive here too, from handleMessage). */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (ReadOnlyCommands.isReadOnly(command, query)) {
            return duringRead(() -> super.handleCommand(channel, database, command, query));
        }
        return duringRequest(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return duringRequest(() -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        duringRequest(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    private <T> T duringRequest(Supplier<T> request) {
        Lock shared = requests.readLock();
        shared.lock();
        try {
            return request.get();
        } finally {
            shared.unlock();
        }
    }

    /**
     * Keeps the chunks of the store's version as of now from being freed and overwritten until the read is done: a
     * read takes no lock, so commits go on meanwhile, and {@link FileCompaction} lets the space of dead chunks be reused
     * at once (no retention time).
     */
    private <T> T duringRead(Supplier<T> read) {
        MVStore store = getMvStore();
        MVStore.TxCounter version = store.registerVersionUsage();
        try {
            return read.get();
        } finally {
            store.deregisterVersionUsage(version);
        }
    }

    /** Commits what every finished request wrote, with no request half done. */
    private void commitBetweenRequests(MVStore store, Runnable beforeCommit) {
        Lock exclusive = requests.writeLock();
        exclusive.lock();
        try {
            beforeCommit.run();
            store.commit();
        } finally {
            exclusive.unlock();
        }
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
            commitAndSync(store, () -> { });
        }
    }

    /**
     * One round of {@link FileCompaction}: bounded passes, each between requests and followed by a commit and sync
     * (so that the chunks it emptied are freed and their space reused), with the locks let go between passes so that
     * waiting requests and flushes get in. Runs on the flush thread after each periodic flush.
     */
    void compactSome() {
        synchronized (flushLock) {
            if (getMvStore().isClosed()) {
                return;
            }
            compaction.startRound(getMvStore());
        }
        long held;
        while ((held = compactionPass()) >= 0) {
            restAfter(held);
        }
    }

    /** How long the pass held writers, in ns, or -1 when no pass was due. */
    private long compactionPass() {
        MVStore store = getMvStore();
        synchronized (flushLock) {
            if (!compacting || closing || store.isClosed() || !compaction.due(store)) {
                return -1;
            }
            long began = System.nanoTime();
            long locked = commitAndSync(store, () -> compaction.rewrite(store));
            compaction.took(locked, System.nanoTime() - began);
            return locked;
        }
    }

    /**
     * Rests as long as the pass held writers (1 to 200 ms), so that requests and flushes get at least half the time
     * during a round: neither lock is fair, and the next pass could otherwise take them back before a waiting request.
     * Each pass commits and syncs every write made before it, so the rest delays no write's durability.
     */
    private static void restAfter(long heldNanos) {
        try {
            Thread.sleep(Math.max(1, Math.min(200, heldNanos / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Holding the flush lock: runs {@code beforeCommit} and commits, both between requests, then syncs. Returns how
     * long writers were held.
     */
    private long commitAndSync(MVStore store, Runnable beforeCommit) {
        long before = store.getCurrentVersion();
        long began = System.nanoTime();
        commitBetweenRequests(store, beforeCommit);
        long locked = System.nanoTime() - began;
        boolean committed = store.getCurrentVersion() > before;
        if (sync) {
            beforeSync.run();
            store.sync();
            syncs.incrementAndGet();
        }
        durableVersion = committed ? before : before - 1;
        return locked;
    }

    /** A commit is always a flush here, so that no commit goes unsynced. */
    @Override
    public void commit() {
        flush();
    }

    /**
     * Leaves no replaced page in the file, so that values an erasure or a rebuild replaced are in no byte of it.
     * MVStore appends and frees whole chunks without overwriting them; compaction alone moves live chunks but leaves
     * the freed space's old bytes. So: every chunk holding a replaced page is rewritten, every free block is then
     * overwritten with zeros (a filler map written one small chunk at a time, which the allocator places in the free
     * gaps first), then the filler is dropped (its freed chunks hold zeros) and the file synced. Commits and
     * requests wait meanwhile (this holds the flush lock and the requests exclusively, and autocommit is off). Chunks are not moved ({@code compactFile}): under
     * concurrent writes H2 2.3 fails an assertion there and closes the store. So the file does not shrink.
     */
    public void compact() {
        synchronized (flushLock) {
            MVStore store = getMvStore();
            if (store.isClosed()) {
                return;
            }
            Lock exclusive = requests.writeLock();
            exclusive.lock();
            int retention = store.getRetentionTime();
            long versions = store.getVersionsToKeep();
            try {
                store.setRetentionTime(0);
                store.setVersionsToKeep(0);
                store.commit();
                for (int pass = 0; pass < 10 && store.getFileStore().getChunksFillRate() < 100; pass++) {
                    store.compact(100, Integer.MAX_VALUE);
                    store.commit();
                }
                overwriteFreeSpace(store);
                store.sync();
            } finally {
                store.setRetentionTime(retention);
                store.setVersionsToKeep((int) versions);
                exclusive.unlock();
            }
        }
    }

    private static void overwriteFreeSpace(MVStore store) {
        FileStore<?> file = store.getFileStore();
        long freeBlocks = file.size() / BLOCK * (100 - file.getFillRate()) / 100 + 16;
        MVMap<Integer, byte[]> filler = store.openMap(FILLER);
        for (int block = 0; block < 4 * freeBlocks && file.getFillRate() < 100; block++) {
            filler.put(block, new byte[BLOCK / 2]);
            store.commit();
        }
        store.removeMap(filler);
        store.commit();
    }

    /**
     * How many ordered indexes were filled from their collection's documents since the store opened: none when the
     * file holds them all; at the first open of a file written before they were persisted, each index once.
     */
    public long indexBuilds() {
        return indexBuildCounter().get();
    }

    private synchronized AtomicLong indexBuildCounter() {
        if (indexBuilds == null) {
            indexBuilds = new AtomicLong();
        }
        return indexBuilds;
    }

    /** How full the file is (see {@link FileStats}). */
    public FileStats fileStats() {
        MVStore store = getMvStore();
        return store.isClosed() ? FileStats.none() : FileStats.of(store.getFileStore());
    }

    /** What the periodic compaction did since the store opened. */
    public FileCompaction.Totals compactionTotals() {
        return compaction.totals();
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
            compactSome();
        } catch (RuntimeException e) {
            log.warn("Background flush of the embedded store failed: {}", e.toString());
        }
    }

    /**
     * Lets the flush thread finish what it does, without interrupting it: an interrupt during file I/O closes H2's
     * file channel under it.
     */
    private void stopFlusher() {
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("The embedded store's flush thread did not stop within a minute; closing the store anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        stopFlusher();
        synchronized (flushLock) {
            if (!getMvStore().isClosed()) {
                commitBetweenRequests(getMvStore(), () -> { });
                getMvStore().sync();
            }
        }
        super.close();
    }
}
