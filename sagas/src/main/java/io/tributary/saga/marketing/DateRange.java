package io.tributary.saga.marketing;

import java.time.LocalDate;

/** The days {@code from}..{@code to}, both included. */
public record DateRange(LocalDate from, LocalDate to) {
}
