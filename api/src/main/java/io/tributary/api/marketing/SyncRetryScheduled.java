package io.tributary.api.marketing;

import java.time.Instant;

/** A transient failure (rate limit, outage): the sync tries again at {@code retryAt}. */
public record SyncRetryScheduled(String marketingSourceId, String syncId, int attempt, Instant retryAt,
                                 String reason, Instant at) implements MarketingSourceEvent {
}
