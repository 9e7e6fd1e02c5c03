package io.tributary.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Open-loop load: fires a task at a fixed rate for a duration, whatever the answers take. */
final class ScheduledLoad {

    private ScheduledLoad() {
    }

    static void run(int perSecond, Duration duration, Runnable task) throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long next = start;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            task.run();
            next += interval;
        }
    }
}
