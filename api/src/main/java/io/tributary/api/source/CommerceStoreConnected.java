package io.tributary.api.source;

import java.time.Instant;

/**
 * A Shopify or WooCommerce store was connected to its source. The secrets in {@code store} are sealed
 * ({@code enc:v1:}, see {@link io.tributary.api.secret.SecretBox}); events stored before sealing existed carry them
 * in clear. {@code maskedStore} holds the same store with its secrets masked, for read models; null in events
 * stored before it was added.
 */
public record CommerceStoreConnected(String sourceId, SourceType type, CommerceStore store, Instant at,
                                     CommerceStore maskedStore) implements SourceEvent {

    public CommerceStoreConnected(String sourceId, SourceType type, CommerceStore store, Instant at) {
        this(sourceId, type, store, at, null);
    }

    @Override
    public String toString() {
        return "CommerceStoreConnected[sourceId=" + sourceId + ", type=" + type + ", store=" + store + "]";
    }
}
