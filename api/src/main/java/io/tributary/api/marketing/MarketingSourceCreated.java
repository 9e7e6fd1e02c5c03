package io.tributary.api.marketing;

import java.time.Instant;
import java.util.Map;

/** A marketing source was connected. Only masked credentials are recorded. */
public record MarketingSourceCreated(String marketingSourceId, AdPlatform platform, String name, String accountId,
                                     String currency, String apiBaseUrl, Map<String, String> options,
                                     Map<String, String> maskedCredentials, boolean importOnly, Instant at)
        implements MarketingSourceEvent {
}
