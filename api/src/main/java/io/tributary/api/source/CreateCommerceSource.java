package io.tributary.api.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a Shopify or WooCommerce source: a server source whose webhooks the store signs. */
public record CreateCommerceSource(@TargetAggregateIdentifier String sourceId, String name, SourceType type,
                                   String token, CommerceStore store, Instant at) implements SourceCommand {

    @Override
    public String toString() {
        return "CreateCommerceSource[sourceId=" + sourceId + ", type=" + type + ", store=" + store + "]";
    }
}
