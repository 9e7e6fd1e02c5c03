package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;

/** Every day of the sync was pulled and compared; the totals cover the whole sync. */
public record SyncCompleted(String marketingSourceId, String syncId, LocalDate from, LocalDate to, int pages,
                            int rowCount, int changedDays, Instant at) implements MarketingSourceEvent {
}
