package io.tributary.api.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One version of a day, with the day's totals in that version. */
public record MetricDayVersionView(LocalDate date, int version, String syncId, Instant recordedAt, int rowCount,
                                   BigDecimal spend, long impressions, long clicks, BigDecimal platformConversions,
                                   BigDecimal platformConversionValue) {
}
