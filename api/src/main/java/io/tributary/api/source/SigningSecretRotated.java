package io.tributary.api.source;

import java.time.Instant;

/** A new webhook signing secret; signatures made with the previous one are accepted until {@code previousValidUntil}. */
public record SigningSecretRotated(String sourceId, String previousSecret, String signingSecret,
                                   Instant previousValidUntil, Instant at) implements SourceEvent {

    @Override
    public String toString() {
        return "SigningSecretRotated[sourceId=" + sourceId + ", previousValidUntil=" + previousValidUntil + "]";
    }
}
