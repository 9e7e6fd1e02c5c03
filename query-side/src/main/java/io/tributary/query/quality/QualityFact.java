package io.tributary.query.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the report needs to know of one received record.
 *
 * @param status          accepted, duplicate or rejected
 * @param sourceType      browser or server (null when unknown)
 * @param at              the event time (a rejected payload: its receive time)
 * @param stitched        for an accepted server event, whether it was stitched when recorded; otherwise null
 * @param delayedStitched an unstitched server event that a later merge or browser session stitched
 * @param duplicateKind   for a duplicate: same_source, conflicting or cross_source
 * @param types           the JSON type per property path (accepted events only)
 */
public record QualityFact(String recordId, String eventId, String eventName, String sourceId, String sourceType,
                          String status, Instant at, Instant receivedAt, Boolean stitched, boolean delayedStitched,
                          String duplicateKind, String keptRecordId, List<Finding> findings,
                          Map<String, String> types) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String BROWSER = "browser";
    public static final String SERVER = "server";

    public QualityFact {
        findings = findings == null ? List.of() : List.copyOf(findings);
        types = types == null ? Map.of() : Map.copyOf(types);
    }

    boolean isAcceptedServerEvent() {
        return ACCEPTED.equals(status) && SERVER.equals(sourceType);
    }
}
