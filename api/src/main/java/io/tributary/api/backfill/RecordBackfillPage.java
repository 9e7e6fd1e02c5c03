package io.tributary.api.backfill;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One page of orders was ingested. Recording a page that is not the next one does nothing, so that a page
 * imported again after a restart is counted once.
 *
 * @param nextCursor where the next page starts; null on the last page
 * @param orders     orders read from the store on this page
 * @param imported   tracked events accepted
 * @param alreadyPresent tracked events already recorded (by a webhook or an earlier run): not counted again
 * @param rejected   orders that could not be mapped (kept as rejected entries)
 */
public record RecordBackfillPage(@TargetAggregateIdentifier String sourceId, String backfillId, int page,
                                 String cursor, String nextCursor, int orders, int imported, int alreadyPresent,
                                 int rejected, Instant at) {
}
