package io.tributary.saga.marketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How a sync waits after a transient failure: exponential backoff from {@code initialBackoff}, at least what the
 * platform asked for, at most {@code maxBackoff}; it gives up after {@code maxAttempts} retries of one range, and
 * a whole sync, retries included, fails after {@code syncTimeout}. The clock tells the saga the time.
 */
public record SyncRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration syncTimeout,
                              Clock clock) {

    public SyncRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration syncTimeout) {
        this(maxAttempts, initialBackoff, maxBackoff, syncTimeout, Clock.systemUTC());
    }

    public static SyncRetryPolicy defaults() {
        return new SyncRetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(3));
    }

    public Instant now() {
        return clock.instant();
    }

    /** @param attempt 1 for the first retry */
    public boolean exhausted(int attempt) {
        return attempt > maxAttempts;
    }

    /**
     * @param attempt   1 for the first retry
     * @param requested how long the platform asked to wait, or null
     */
    public Duration backoff(int attempt, Duration requested) {
        Duration exponential = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        Duration wait = requested != null && requested.compareTo(exponential) > 0 ? requested : exponential;
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
