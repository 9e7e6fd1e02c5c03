package io.tributary.app.privacy;

import java.time.Clock;

/** The clock that decides which months are past their retention; its own type, so that a test can move it ahead. */
public record RetentionClock(Clock clock) {
}
