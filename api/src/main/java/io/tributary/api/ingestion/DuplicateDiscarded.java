package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/**
 * A later copy of an already recorded (event_name, event_id), or of a store delivery already recorded: not
 * counted. A copy of kind {@code same_source}, {@code conflicting} or {@code cross_source} still stitched its
 * aliases; a {@code store_redelivery} or {@code already_recorded} copy changed nothing but this record.
 *
 * @param keptRecordId the record it matched
 * @param deliveryId   the store's webhook delivery id, or null (added later: null in older events)
 */
public record DuplicateDiscarded(String profileId, String recordId, String sourceId, SourceType sourceType,
                                 Instant receivedAt, TrackedEvent event, String fingerprint, String keptRecordId,
                                 String keptSourceId, DuplicateKind kind, String deliveryId) {

    public DuplicateDiscarded(String profileId, String recordId, String sourceId, SourceType sourceType,
                              Instant receivedAt, TrackedEvent event, String fingerprint, String keptRecordId,
                              String keptSourceId, DuplicateKind kind) {
        this(profileId, recordId, sourceId, sourceType, receivedAt, event, fingerprint, keptRecordId, keptSourceId,
                kind, null);
    }
}
