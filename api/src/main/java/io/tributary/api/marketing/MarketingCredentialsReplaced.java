package io.tributary.api.marketing;

import java.time.Instant;
import java.util.Map;

/** New credentials were stored; a source in error may sync again. */
public record MarketingCredentialsReplaced(String marketingSourceId, Map<String, String> maskedCredentials,
                                           Instant at) implements MarketingSourceEvent {
}
