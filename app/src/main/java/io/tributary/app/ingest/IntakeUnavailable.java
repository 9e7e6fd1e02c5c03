package io.tributary.app.ingest;

import io.tributary.app.web.ServiceUnavailable;

/** The events could not be stored in time: the client should retry (503). Nothing was acknowledged. */
public class IntakeUnavailable extends ServiceUnavailable {

    public IntakeUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
