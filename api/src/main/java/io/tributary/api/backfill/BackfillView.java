package io.tributary.api.backfill;

import java.time.Instant;

/**
 * The progress of a source's latest backfill.
 *
 * @param status  running, completed or failed
 * @param pages   pages imported so far
 * @param orders  orders read from the store so far
 * @param imported tracked events accepted (orders, cancellations, refunds)
 * @param alreadyPresent tracked events that were already recorded, by a webhook or an earlier run
 * @param error   why it failed, when it did
 */
public record BackfillView(String backfillId, String status, Instant since, Instant startedAt, Instant finishedAt,
                           int pages, long orders, long imported, long alreadyPresent, long rejected, String error) {
}
