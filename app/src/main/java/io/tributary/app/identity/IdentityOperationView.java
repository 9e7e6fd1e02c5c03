package io.tributary.app.identity;

import io.tributary.api.identity.IdentityOperationOutcome;
import java.time.Instant;

/**
 * A split or quarantine with split as it stands ({@code GET /api/identity/operations/{id}}).
 *
 * @param kind         {@code split} or {@code quarantine}
 * @param profileId    the profile it works on (one operation per profile at a time)
 * @param status       {@code running}, {@code done}, {@code failed}, or {@code interrupted} (its node stopped first)
 * @param mergesUndone merges undone so far
 * @param mergesTotal  merges known to undo (a quarantine can find more as it goes)
 * @param movedRecords tracked events re-decided to the split-off profiles so far
 * @param result       when done (or refused): the body the synchronous answer gives
 * @param error        when failed or interrupted: why
 */
public record IdentityOperationView(String id, String kind, String profileId, String status, int mergesUndone,
                                    int mergesTotal, int movedRecords, Instant startedAt, Instant finishedAt,
                                    IdentityOperationOutcome result, String error) {

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    boolean isRunning() {
        return RUNNING.equals(status);
    }
}
