package io.tributary.api.source;

import java.util.function.UnaryOperator;

/**
 * How to reach a store and check what it sends: its address (the Shopify shop domain or the WooCommerce store
 * URL), the webhook signing secret, and the optional API credentials for backfills (a Shopify Admin API access
 * token, or a WooCommerce consumer key and secret). Secrets never appear in {@link #toString()}.
 */
public record CommerceStore(String storeUrl, String signingSecret, String adminApiToken, String consumerKey,
                            String consumerSecret) {

    public boolean hasApiCredentials() {
        return present(adminApiToken) || (present(consumerKey) && present(consumerSecret));
    }

    /** The same store with each secret (signing secret, admin token, consumer key and secret) passed through {@code each}. */
    public CommerceStore withSecrets(UnaryOperator<String> each) {
        return new CommerceStore(storeUrl, each.apply(signingSecret), each.apply(adminApiToken),
                each.apply(consumerKey), each.apply(consumerSecret));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "CommerceStore[storeUrl=" + storeUrl + ", secrets hidden]";
    }
}
