package io.tributary.app.web;

/** Something could not be done in time: the client should retry (503). Nothing was acknowledged. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the request was refused before anything was attempted (overload), an expected answer, not a fault. */
    public boolean refusedAtOnce() {
        return false;
    }
}
