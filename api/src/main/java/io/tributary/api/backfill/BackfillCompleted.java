package io.tributary.api.backfill;

import java.time.Instant;

/** Every page was imported; the totals of the whole run. */
public record BackfillCompleted(String sourceId, String backfillId, int pages, long orders, long imported,
                                long alreadyPresent, long rejected, Instant at) {
}
