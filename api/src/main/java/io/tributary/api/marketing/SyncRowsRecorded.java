package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows of the days {@code from}..{@code to} were compared with what was stored; {@code changedDays} got a
 * new version ({@link MetricDayRecorded}), the other days were unchanged.
 */
public record SyncRowsRecorded(String marketingSourceId, String syncId, LocalDate from, LocalDate to, int rowCount,
                               List<LocalDate> changedDays, Instant at) implements MarketingSourceEvent {
}
