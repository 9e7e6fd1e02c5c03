package io.tributary.api.quality;

import java.time.Instant;

/**
 * The Data Quality report for tracked events whose time falls in [from, to) (rejected payloads: their receive
 * time). {@code asOf} is the moment "silent" is judged at: normally now, or {@code to} when that is earlier.
 */
public record FindDataQuality(Instant from, Instant to, Instant asOf) {
}
