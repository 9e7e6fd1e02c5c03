package io.tributary.app.identity;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The threads splits and quarantines with split run on, away from the request that asked for them. */
@Component
class IdentityOperationThreads implements Executor {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "identity-operation-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /** Stops taking operations and waits up to {@code wait} for the running ones; true when none is left. */
    boolean stop(Duration wait) {
        threads.shutdown();
        try {
            return threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
