package io.tributary.api.quality;

import java.time.Instant;

/**
 * The Data Quality report for tracked events whose time falls in [from, to) (rejected payloads: their receive
 * time). {@code asOf} is the moment "silent" is judged at: normally now, or {@code to} when that is earlier.
 * {@code path} {@code "exact"} folds every fact of the period; null (or {@code "rollup"}) adds up the hour roll-ups
 * where the period holds whole hours.
 */
public record FindDataQuality(Instant from, Instant to, Instant asOf, String path) {

    public FindDataQuality(Instant from, Instant to, Instant asOf) {
        this(from, to, asOf, null);
    }
}
