package io.tributary.api.source;

import io.tributary.api.backfill.BackfillView;
import java.time.Instant;
import java.util.List;

/**
 * A source with its settings and counts.
 *
 * @param commerce the store connection of a Shopify or WooCommerce source (null otherwise)
 * @param backfill the latest order backfill of a store source (null when none ran)
 */
public record SourceView(String id, String name, SourceType type, String token, String status,
                         List<String> allowedOrigins, Instant createdAt, Instant lastSeenAt,
                         long acceptedCount, long duplicateCount, long rejectedCount, CommerceView commerce,
                         BackfillView backfill) {

    public SourceView(String id, String name, SourceType type, String token, String status,
                      List<String> allowedOrigins, Instant createdAt, Instant lastSeenAt,
                      long acceptedCount, long duplicateCount, long rejectedCount) {
        this(id, name, type, token, status, allowedOrigins, createdAt, lastSeenAt, acceptedCount, duplicateCount,
                rejectedCount, null, null);
    }
}
