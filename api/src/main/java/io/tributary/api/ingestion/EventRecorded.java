package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/**
 * A tracked event was accepted and counted, on the profile it was stitched to.
 *
 * @param sessionId null for a server event outside any session
 * @param stitched  for a server event: its profile had a browser session that started at or before it, within 30 days
 */
public record EventRecorded(String profileId, String recordId, String sourceId, SourceType sourceType,
                            Instant receivedAt, TrackedEvent event, String fingerprint, String sessionId,
                            boolean stitched) {
}
