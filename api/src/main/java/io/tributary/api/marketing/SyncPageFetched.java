package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;

/** One page of a platform's answer for the days {@code from}..{@code to} arrived (page 1, 2 …). */
public record SyncPageFetched(String marketingSourceId, String syncId, LocalDate from, LocalDate to, int page,
                              int rowCount, Instant at) implements MarketingSourceEvent {
}
