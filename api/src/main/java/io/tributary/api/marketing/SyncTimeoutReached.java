package io.tributary.api.marketing;

/** Published by the event scheduler when a sync has run for longer than allowed. */
public record SyncTimeoutReached(String marketingSourceId, String syncId) {
}
