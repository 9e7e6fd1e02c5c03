package io.tributary.api.backfill;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pull a store's orders created since {@code since} through its API. The source answers the id of the backfill
 * that runs afterwards: this one, or one that was already running; null when the source has no order API.
 */
public record StartBackfill(@TargetAggregateIdentifier String sourceId, String backfillId, Instant since, Instant at) {
}
