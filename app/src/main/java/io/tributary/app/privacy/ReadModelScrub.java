package io.tributary.app.privacy;

import io.tributary.app.projection.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What follows a deletion of keys (an erasure, a retention sweep): every read model is rebuilt from the events, so
 * none keeps a clear copy of what the keys sealed, then the store's files are compacted, so no replaced page keeps
 * one. One scrub at a time, on one background thread.
 */
public class ReadModelScrub {

    private static final Duration REBUILD_LIMIT = Duration.ofHours(2);

    private final Projections projections;
    private final Runnable compactStore;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-scrub");
        thread.setDaemon(true);
        return thread;
    });

    /** @param compactStore flushes the store and rewrites its files, so that no replaced page keeps a value */
    public ReadModelScrub(Projections projections, Runnable compactStore) {
        this.projections = projections;
        this.compactStore = compactStore;
    }

    /** Runs the task after every scrub asked for before it. */
    public void submit(Runnable task) {
        worker.submit(task);
    }

    /** Rebuilds every read model, waits until all are live again (at most two hours), and compacts the store. */
    public void rebuildAndCompact() throws InterruptedException {
        projections.names().forEach(projections::rebuild);
        Instant limit = clock.instant().plus(REBUILD_LIMIT);
        while (projections.statuses().stream().anyMatch(p -> !"live".equals(p.status()))
                && clock.instant().isBefore(limit)) {
            Thread.sleep(200);
        }
        compactStore.run();
    }
}
