package io.tributary.api.secret;

/** A sealed secret that does not open: altered, or sealed with another key. Never carries the secret. */
public class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }
}
