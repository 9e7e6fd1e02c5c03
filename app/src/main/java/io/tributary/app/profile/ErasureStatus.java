package io.tributary.app.profile;

import java.time.Instant;
import java.util.List;

/**
 * Where an erasure is: {@code cleaning} while the read models are rebuilt and the store compacted, then
 * {@code erased}; {@code cleanup_failed} when that failed (the keys are deleted either way; rebuild by hand).
 */
record ErasureStatus(String profileId, List<String> erasedProfileIds, Instant requestedAt, String status,
                     Instant completedAt) {

    static final String CLEANING = "cleaning";

    ErasureStatus done(Instant at) {
        return new ErasureStatus(profileId, erasedProfileIds, requestedAt, "erased", at);
    }

    ErasureStatus failed() {
        return new ErasureStatus(profileId, erasedProfileIds, requestedAt, "cleanup_failed", null);
    }
}
