package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * @param status          {@code running}, {@code completed} or {@code failed}
 * @param recordedThrough the last day whose rows were compared, while running
 * @param retryAt         when the next attempt runs after a transient failure, while running
 */
public record SyncView(String syncId, SyncTrigger trigger, LocalDate from, LocalDate to, String status,
                       Instant startedAt, Instant finishedAt, Integer pages, Integer rowCount, Integer changedDays,
                       LocalDate recordedThrough, Integer retries, Instant retryAt) {
}
