package io.tributary.command.ingestion;

import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Whether a new copy duplicates the kept one. The key is (event_name, event_id) across all sources. Keys
 * expire after the window on event time, except for the event names that never expire (Placed Order).
 */
public final class DedupPolicy {

    private final Duration window;
    private final Set<String> neverExpire;

    public DedupPolicy(Duration window, Set<String> neverExpire) {
        this.window = window;
        this.neverExpire = Set.copyOf(neverExpire);
    }

    public static DedupPolicy defaults() {
        return new DedupPolicy(Duration.ofDays(7), Set.of(TrackedEvent.PLACED_ORDER));
    }

    public static String key(String eventName, String eventId) {
        return eventName + '\u001f' + eventId;
    }

    public boolean isDuplicate(DedupClaim kept, String eventName, Instant eventTime) {
        return neverExpire.contains(eventName)
                || Duration.between(kept.eventTime(), eventTime).abs().compareTo(window) <= 0;
    }

    public static DuplicateKind kind(DedupClaim kept, String sourceId, String fingerprint) {
        if (!kept.sourceId().equals(sourceId)) {
            return DuplicateKind.CROSS_SOURCE;
        }
        return kept.fingerprint().equals(fingerprint) ? DuplicateKind.SAME_SOURCE : DuplicateKind.CONFLICTING;
    }
}
