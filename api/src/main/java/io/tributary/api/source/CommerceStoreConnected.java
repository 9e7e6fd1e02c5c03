package io.tributary.api.source;

import java.time.Instant;

/** A Shopify or WooCommerce store was connected to its source, with the secrets that check and reach it. */
public record CommerceStoreConnected(String sourceId, SourceType type, CommerceStore store, Instant at)
        implements SourceEvent {

    @Override
    public String toString() {
        return "CommerceStoreConnected[sourceId=" + sourceId + ", type=" + type + ", store=" + store + "]";
    }
}
