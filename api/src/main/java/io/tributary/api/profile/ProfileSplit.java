package io.tributary.api.profile;

import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;

/**
 * A merge was undone: {@code splitProfileId} no longer resolves to {@code survivorProfileId}. Recorded on both
 * sides, like {@link ProfilesMerged}; {@code profileId} is the side this event belongs to. On the survivor's side
 * it carries what went back: the aliases, the properties that came with the merged side, its sessions (those it
 * brought and those re-decided to it since) and the records of tracked events re-decided to it.
 *
 * @param rule      {@code manual} for a split asked for by hand, {@code quarantine} for one caused by quarantining
 *                  an alias that glued the two, {@code blocked_value} for one restated by an applied identity dry-run
 *                  whose rules block an alias that glued the two
 * @param evidence  the operation itself: no tracked event, the moment it was decided
 */
public record ProfileSplit(String profileId, String survivorProfileId, String splitProfileId,
                           List<String> movedAliases, Map<String, PropertyValue> movedProperties,
                           Map<String, PropertyValue> remainingProperties, List<SessionRef> movedSessions, List<MovedRecord> movedRecords, String rule,
                           Evidence evidence, String operator, String reason) {

    public boolean isSurvivorSide() {
        return profileId.equals(survivorProfileId);
    }

    /**
     * A tracked event recorded on the survivor after the merge, that belongs to the split side.
     * {@code startsSession}: it started its session (counted on the survivor until now).
     */
    public record MovedRecord(String recordId, String sessionId, java.time.Instant at, boolean startsSession) {
    }
}
