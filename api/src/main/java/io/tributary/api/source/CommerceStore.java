package io.tributary.api.source;

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

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "CommerceStore[storeUrl=" + storeUrl + ", secrets hidden]";
    }
}
