package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/**
 * A tracked event was accepted and counted, on the profile it was stitched to.
 *
 * @param sessionId     null for a server event outside any session
 * @param startsSession the event opened {@code sessionId}
 * @param trafficKey    the traffic source of a session it opened (null when none: direct)
 * @param stitched      a server event whose profile had a browser session that started at or before it,
 *                      within the stitching window; browser events are always stitched
 * @param deliveryId    the store's webhook delivery id, or null (added later: null in older events)
 */
public record EventRecorded(String profileId, String recordId, String sourceId, SourceType sourceType,
                            Instant receivedAt, TrackedEvent event, String fingerprint, String sessionId,
                            boolean startsSession, String trafficKey, boolean stitched, String deliveryId) {

    public EventRecorded(String profileId, String recordId, String sourceId, SourceType sourceType, Instant receivedAt,
                         TrackedEvent event, String fingerprint, String sessionId, boolean startsSession,
                         String trafficKey, boolean stitched) {
        this(profileId, recordId, sourceId, sourceType, receivedAt, event, fingerprint, sessionId, startsSession,
                trafficKey, stitched, null);
    }
}
