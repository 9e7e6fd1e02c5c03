package io.tributary.api.marketing;

import java.time.Instant;

/** @param message the platform's own message (or why retries stopped); never a secret */
public record SyncFailed(String marketingSourceId, String syncId, String message, boolean fatal, Instant at)
        implements MarketingSourceEvent {
}
