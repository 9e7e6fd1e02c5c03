package io.tributary.api.source;

import java.time.Instant;

/**
 * A new webhook signing secret; signatures made with the previous one are accepted until {@code previousValidUntil}.
 * Both secrets are sealed ({@code enc:v1:}, see {@link io.tributary.api.secret.SecretBox}); events stored before
 * sealing existed carry them in clear. {@code maskedSigningSecret} is the new secret masked, for read models; null
 * in events stored before it was added.
 */
public record SigningSecretRotated(String sourceId, String previousSecret, String signingSecret,
                                   Instant previousValidUntil, Instant at, String maskedSigningSecret)
        implements SourceEvent {

    public SigningSecretRotated(String sourceId, String previousSecret, String signingSecret,
                                Instant previousValidUntil, Instant at) {
        this(sourceId, previousSecret, signingSecret, previousValidUntil, at, null);
    }

    @Override
    public String toString() {
        return "SigningSecretRotated[sourceId=" + sourceId + ", previousValidUntil=" + previousValidUntil + "]";
    }
}
