package io.tributary.app.outbound;

/** An outbound call Tributary will not make: a private address, a scheme other than http(s), or a body too large. */
public class OutboundRefused extends RuntimeException {

    public OutboundRefused(String message) {
        super(message);
    }
}
