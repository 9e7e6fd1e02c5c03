package io.tributary.query.attribution;

import java.time.Instant;

/** A browser session of the converting profile, as a candidate for credit. */
public record Touchpoint(String sessionId, Instant startedAt, Touch touch) {
}
