package io.tributary.api.backfill;

import java.time.Instant;

/**
 * Fetch one page of a store's orders and ingest them, then record the page on the source.
 *
 * @param page   1 for the first page
 * @param cursor where the page starts, as the store's API said on the page before (null for the first page)
 */
public record ImportBackfillPage(String sourceId, String backfillId, int page, String cursor, Instant since) {
}
