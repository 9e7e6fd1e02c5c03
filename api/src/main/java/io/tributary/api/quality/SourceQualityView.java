package io.tributary.api.quality;

import java.time.Instant;
import java.util.List;

/**
 * The health of one source over the period.
 *
 * @param lastSeen when it last sent anything, at any time up to {@code asOf}; null if it never did
 * @param silent   it used to send, but sent nothing for longer than the silence threshold before {@code asOf}
 */
public record SourceQualityView(String sourceId, String name, String type, Instant lastSeen, long count,
                                long acceptedCount, long duplicateCount, long rejectedCount, boolean silent,
                                List<QualityWarning> warnings) {
}
