package io.tributary.app.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One retention sweep: what it shredded, per source, and where the rebuild of the read models is: {@code cleaning},
 * then {@code done} (or {@code cleanup_failed}: the keys are deleted either way; rebuild by hand);
 * {@code nothing_expired} when no month had passed any source's retention.
 */
public record RetentionRun(Instant ranAt, List<SourceSweep> sources, String status, Instant completedAt) {

    static final String NOTHING_EXPIRED = "nothing_expired";
    static final String CLEANING = "cleaning";

    /** @param months the months shredded ({@code yyyy-MM}, UTC) */
    public record SourceSweep(String sourceId, String retention, List<String> months, long trackedEvents,
                              long rejectedPayloads) {
    }

    static RetentionRun of(Instant ranAt, List<SourceSweep> sources) {
        return new RetentionRun(ranAt, List.copyOf(sources), sources.isEmpty() ? NOTHING_EXPIRED : CLEANING,
                sources.isEmpty() ? ranAt : null);
    }

    RetentionRun done(Instant at) {
        return new RetentionRun(ranAt, sources, "done", at);
    }

    RetentionRun failed() {
        return new RetentionRun(ranAt, sources, "cleanup_failed", null);
    }
}
