package io.tributary.saga.merge;

import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.MoveSession;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionRef;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The two sides of one merge (profile-bob absorbed into profile-ann), and the moves of bob's sessions. */
final class MergeFixtures {

    static final String SURVIVOR_ID = "profile-ann";
    static final String MERGED_ID = "profile-bob";
    static final String MERGE_RECORD_ID = "record-9";

    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");
    private static final List<String> SHARED_ALIASES = List.of("urn:email:ann@example.com");
    private static final Evidence EVIDENCE = new Evidence(MERGE_RECORD_ID, "event-9", AT);

    private MergeFixtures() {
    }

    static ProfilesMerged survivorSideMerged(String... mergedSessionIds) {
        List<SessionRef> sessions = Arrays.stream(mergedSessionIds)
                .map(id -> new SessionRef(id, AT.minusSeconds(3600), AT.minusSeconds(600), null)).toList();
        return new ProfilesMerged(SURVIVOR_ID, SURVIVOR_ID, MERGED_ID, SHARED_ALIASES,
                List.of("urn:anonymous_id:b-1"), Map.of("plan", new PropertyValue("pro", AT)), sessions,
                "shared_alias", EVIDENCE);
    }

    static ProfilesMerged mergedSideMerged() {
        return new ProfilesMerged(MERGED_ID, SURVIVOR_ID, MERGED_ID, SHARED_ALIASES, List.of(), Map.of(), List.of(),
                "shared_alias", EVIDENCE);
    }

    static MoveSession moveToSurvivor(String sessionId) {
        return new MoveSession(sessionId, SURVIVOR_ID, MERGE_RECORD_ID);
    }

    static SessionMoved movedToSurvivor(String sessionId) {
        return movedTo(sessionId, SURVIVOR_ID);
    }

    static SessionMoved movedTo(String sessionId, String profileId) {
        return new SessionMoved(sessionId, MERGED_ID, profileId, MERGE_RECORD_ID);
    }
}
