package io.tributary.app.privacy;

import io.tributary.app.cluster.ScheduleLease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the retention sweep every {@code tributary.privacy.retention-sweep-every} (a day by default; zero turns the
 * schedule off), the first time ten minutes after start; one node of several runs each sweep (a schedule lease).
 */
@Component
class RetentionSchedule implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final Duration FIRST_AFTER = Duration.ofMinutes(10);
    private static final String LEASE = "retention-sweep";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "retention-schedule");
        thread.setDaemon(true);
        return thread;
    });

    RetentionSchedule(RetentionSweep sweep, ScheduleLease lease, PrivacyProperties privacy) {
        Duration every = privacy.retentionSweepEvery();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        Duration leaseLength = every.minus(every.dividedBy(10));
        timer.scheduleAtFixedRate(() -> {
            try {
                if (lease.tryTake(LEASE, leaseLength)) {
                    sweep.run();
                }
            } catch (RuntimeException e) {
                log.error("Retention sweep failed: {}", e.toString());
            }
        }, FIRST_AFTER.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
