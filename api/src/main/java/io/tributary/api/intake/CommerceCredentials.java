package io.tributary.api.intake;

import io.tributary.api.source.SourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the store intake and the backfill need to know about a Shopify or WooCommerce source: its address, the
 * signing secrets currently accepted and its API credentials. Never shown to queries; never in {@link #toString()}.
 */
public record CommerceCredentials(String sourceId, SourceType type, boolean enabled, String storeUrl,
                                  String signingSecret, String previousSecret, Instant previousValidUntil,
                                  String adminApiToken, String consumerKey, String consumerSecret) {

    /** The current secret, and the previous one while its grace period lasts. */
    public List<String> secretsValidAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(signingSecret);
        if (previousSecret != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    @Override
    public String toString() {
        return "CommerceCredentials[sourceId=" + sourceId + ", type=" + type + ", storeUrl=" + storeUrl
                + ", secrets hidden]";
    }
}
