package io.tributary.api.source;

import java.time.Instant;

/**
 * The source's tracked events are kept for {@code retentionMonths}, or for ever when null. Past it, the personal
 * content of a month of its tracked events is crypto-shredded by the retention sweep ({@link RetentionApplied}).
 */
public record SourceRetentionSet(String sourceId, Integer retentionMonths, Instant at) implements SourceEvent {
}
