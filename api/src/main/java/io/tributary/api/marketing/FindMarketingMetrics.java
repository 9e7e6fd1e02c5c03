package io.tributary.api.marketing;

import java.time.LocalDate;

/**
 * The latest version of every day from {@code from} to {@code to} (inclusive), grouped.
 *
 * @param marketingSourceId only this source, or every source when null
 */
public record FindMarketingMetrics(LocalDate from, LocalDate to, MetricGrouping groupBy, String marketingSourceId) {
}
