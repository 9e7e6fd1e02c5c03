package io.tributary.api.backfill;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The store's API refused a page for good (bad credentials, unknown store …): stop the backfill. */
public record FailBackfill(@TargetAggregateIdentifier String sourceId, String backfillId, int page, String reason,
                           Instant at) {
}
