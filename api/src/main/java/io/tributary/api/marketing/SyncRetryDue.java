package io.tributary.api.marketing;

/** Published by the event scheduler when a sync's backoff is over. */
public record SyncRetryDue(String marketingSourceId, String syncId, int attempt) {
}
