package io.tributary.app.marketing;

import java.time.Clock;
import java.time.LocalDate;

/** The days a sync pulls when none are asked for: the trailing window, today included. */
public record SyncWindow(int days, Clock clock) {

    public LocalDate to() {
        return LocalDate.now(clock);
    }

    public LocalDate from() {
        return to().minusDays(days - 1L);
    }
}
