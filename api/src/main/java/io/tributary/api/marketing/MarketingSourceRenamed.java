package io.tributary.api.marketing;

import java.time.Instant;

/** The source got a new name; its account, credentials and metrics stay. */
public record MarketingSourceRenamed(String marketingSourceId, String name, Instant at) implements MarketingSourceEvent {
}
