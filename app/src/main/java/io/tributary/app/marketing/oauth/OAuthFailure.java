package io.tributary.app.marketing.oauth;

/** A "Connect" that cannot go on; the message is safe to show (it never holds a code, token or secret). */
public class OAuthFailure extends RuntimeException {

    public OAuthFailure(String message) {
        super(message);
    }
}
