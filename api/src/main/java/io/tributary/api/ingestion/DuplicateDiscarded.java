package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/** A later copy of an already recorded (event_name, event_id): not counted, but its aliases still stitched. */
public record DuplicateDiscarded(String profileId, String recordId, String sourceId, SourceType sourceType,
                                 Instant receivedAt, TrackedEvent event, String fingerprint, String keptRecordId,
                                 String keptSourceId, DuplicateKind kind) {
}
