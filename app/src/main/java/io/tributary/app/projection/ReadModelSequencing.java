package io.tributary.app.projection;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Which read models may run several segments, and for those, the key that sends every event writing one document to
 * one segment, in order. A read model may split only when each of its events writes documents of a single key: its
 * projection reads a batch's documents, changes them in memory and writes them back whole, so two segments writing
 * one document would lose updates. The reasons per read model are in docs/scale-out.md.
 */
public final class ReadModelSequencing {

    /** The read models whose every event writes the documents of one key. */
    public static final Set<String> SPLITTABLE = Set.of("sessions", "attribution-traffic");

    private ReadModelSequencing() {
    }

    public static boolean splittable(String readModel) {
        return SPLITTABLE.contains(readModel);
    }

    /**
     * The key of the documents this event writes in this read model, or null when it writes none that another event
     * writes (any segment will do).
     */
    public static String keyOf(String readModel, Object payload) {
        return switch (readModel) {
            case "sessions" -> sessionsKey(payload);
            case "attribution-traffic" -> trafficKey(payload);
            default -> null;
        };
    }

    /** A session's document; a merge's entry in the merge map, by the merged (or split) profile it is keyed by. */
    private static String sessionsKey(Object payload) {
        if (payload instanceof SessionStarted e) {
            return session(e.sessionId());
        }
        if (payload instanceof EventRecorded e) {
            return session(e.sessionId());
        }
        if (payload instanceof SessionMoved e) {
            return session(e.sessionId());
        }
        if (payload instanceof SessionReclassified e) {
            return session(e.sessionId());
        }
        if (payload instanceof ProfilesMerged e) {
            return merge(e.mergedProfileId());
        }
        if (payload instanceof ProfileSplit e) {
            return merge(e.splitProfileId());
        }
        return null;
    }

    /** The UTC day the session started on: its counts live in that day's document. */
    private static String trafficKey(Object payload) {
        if (payload instanceof SessionStarted e) {
            return day(e.startedAt());
        }
        if (payload instanceof SessionReclassified e) {
            return day(e.startedAt());
        }
        return null;
    }

    private static String session(String sessionId) {
        return sessionId == null ? null : "session:" + sessionId;
    }

    private static String merge(String profileId) {
        return profileId == null ? null : "merge:" + profileId;
    }

    private static String day(Instant at) {
        return at == null ? null : "day:" + LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
