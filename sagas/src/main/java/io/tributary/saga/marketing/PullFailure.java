package io.tributary.saga.marketing;

import java.time.Duration;

/**
 * A platform could not answer. Transient failures (rate limits, outages) are retried with backoff; fatal ones
 * (bad credentials, missing permissions) put the source in error. The message is the platform's own, and never
 * holds a secret.
 */
public class PullFailure extends RuntimeException {

    private final boolean fatal;
    private final Duration retryAfter;

    private PullFailure(String message, boolean fatal, Duration retryAfter) {
        super(message);
        this.fatal = fatal;
        this.retryAfter = retryAfter;
    }

    public static PullFailure fatal(String message) {
        return new PullFailure(message, true, null);
    }

    /** @param retryAfter how long the platform asked to wait, or null */
    public static PullFailure transientFailure(String message, Duration retryAfter) {
        return new PullFailure(message, false, retryAfter);
    }

    public boolean isFatal() {
        return fatal;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
