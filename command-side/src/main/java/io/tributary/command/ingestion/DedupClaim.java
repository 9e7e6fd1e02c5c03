package io.tributary.command.ingestion;

import java.time.Instant;

/** The copy of an (event_name, event_id) that was kept, the first one seen within the window, and its profile. */
public record DedupClaim(String key, String recordId, String sourceId, String profileId, String fingerprint,
                         Instant eventTime) {
}
