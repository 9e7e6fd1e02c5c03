package io.tributary.app.ingest;

/** The events could not be stored in time: the client should retry (503). Nothing was acknowledged. */
public class IntakeUnavailable extends RuntimeException {

    public IntakeUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
