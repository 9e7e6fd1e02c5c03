package io.tributary.api.quality;

import java.time.Instant;

/**
 * A problem seen on {@code count} records of one event name (null for a source-wide warning such as
 * {@code silent}). {@code kind} is one of missing, invalid, missing_alias, type_drift, anonymous_only,
 * timestamp_clamped, late, low_stitching_rate or silent. The example is the latest record concerned;
 * {@code exampleAt} is its event time, which locates it in the event log.
 */
public record QualityWarning(String eventName, String property, String kind, String detail, long count,
                             String exampleEventId, String exampleRecordId, Instant exampleAt) {
}
