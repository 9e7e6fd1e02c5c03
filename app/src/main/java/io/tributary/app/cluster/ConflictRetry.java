package io.tributary.app.cluster;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command again when another node wrote to the same aggregate or claimed the same key meanwhile: the unit of
 * work that lost was rolled back whole (its claims undone, its stale cache entries dropped), so deciding it again
 * from a fresh load is safe.
 */
public final class ConflictRetry {

    public static final int ATTEMPTS = 8;
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private ConflictRetry() {
    }

    /** The action's result, after at most {@link #ATTEMPTS} tries of which all but the last lost a conflict. */
    public static <T> T retrying(String what, Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !isConflict(failure)) {
                    throw failure;
                }
                log.info("Another node wrote to the same aggregates or claims meanwhile: {} again ({}/{})", what,
                        attempt, ATTEMPTS);
                pauseBeforeRetry(attempt);
            }
        }
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, growing with the attempts, so that two nodes in conflict do not collide again. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a conflict", e);
        }
    }
}
