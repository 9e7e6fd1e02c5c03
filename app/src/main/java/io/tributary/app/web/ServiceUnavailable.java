package io.tributary.app.web;

/** Something could not be done in time: the client should retry (503). Nothing was acknowledged. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
