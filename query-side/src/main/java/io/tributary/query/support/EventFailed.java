package io.tributary.query.support;

/**
 * One event failed on its own, after {@code attempts} tries in a row: its changes were not written. The
 * dead-letter policy takes such an event aside with the real {@link #getCause() cause}.
 */
public final class EventFailed extends RuntimeException {

    private final int attempts;

    public EventFailed(int attempts, Throwable cause) {
        super("event failed after " + attempts + " attempts: " + cause, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
