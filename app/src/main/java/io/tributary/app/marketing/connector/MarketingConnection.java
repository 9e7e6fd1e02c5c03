package io.tributary.app.marketing.connector;

import io.tributary.api.marketing.AdPlatform;
import java.util.Map;

/**
 * What a connector needs to reach one ad account, secrets included. Never logged: {@link #toString()} masks the
 * credentials.
 *
 * @param apiBaseUrl overrides the platform's API address (a local stub in tests), or null
 * @param options    non-secret settings: apiVersion, purchaseActionType (Meta), tokenUrl (Google)
 */
public record MarketingConnection(String marketingSourceId, AdPlatform platform, String accountId, String currency,
                                  String apiBaseUrl, Map<String, String> options, Map<String, String> credentials) {

    public MarketingConnection {
        options = options == null ? Map.of() : Map.copyOf(options);
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    public String credential(String name) {
        return credentials.get(name);
    }

    public String option(String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String baseUrl(String fallback) {
        String base = apiBaseUrl == null || apiBaseUrl.isBlank() ? fallback : apiBaseUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() {
        return "MarketingConnection[" + marketingSourceId + ", " + platform + ", account " + accountId
                + ", credentials " + CredentialMask.mask(credentials) + "]";
    }
}
