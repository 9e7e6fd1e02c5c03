package io.tributary.app.commerce;

/** A store's API did not give a page. */
public class StoreApiException extends RuntimeException {

    public enum Kind {
        /** The store said no and will keep saying it (bad credentials, unknown store, bad request). */
        REFUSED,
        /** The store stayed busy or failing through every attempt. */
        UNAVAILABLE,
        /** We are shutting down: the page must be fetched again after the restart. */
        INTERRUPTED
    }

    private final Kind kind;

    public StoreApiException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
