package io.tributary.app.privacy;

import io.tributary.app.projection.Projections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a deletion of keys (an erasure, a retention sweep): every read model is rebuilt from the events, so
 * none keeps a clear copy of what the keys sealed, then the store's files are compacted, so no replaced page keeps
 * one. One scrub at a time, on one background thread.
 */
public class ReadModelScrub {

    private static final Logger log = LoggerFactory.getLogger(ReadModelScrub.class);
    private static final Duration REBUILD_LIMIT = Duration.ofHours(2);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

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
        Instant nextReport = clock.instant().plus(REPORT_EVERY);
        List<String> behind = notLive();
        while (!behind.isEmpty() && clock.instant().isBefore(limit)) {
            if (clock.instant().isAfter(nextReport)) {
                log.info("Scrub waits for read models to be live again: {}", behind);
                nextReport = clock.instant().plus(REPORT_EVERY);
            }
            Thread.sleep(200);
            behind = notLive();
        }
        compactStore.run();
    }

    private List<String> notLive() {
        return projections.statuses().stream().filter(p -> !"live".equals(p.status()))
                .map(p -> p.name() + " " + p.status() + " at " + p.position()).toList();
    }
}
