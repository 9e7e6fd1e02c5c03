package io.tributary.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The blended report. Totals equal the sum of the rows, except under participation, where each conversion is
 * counted once in the totals. {@code otherCurrencies} lists, per currency, what was counted but not summed.
 */
public record BlendedReportView(LocalDate from, LocalDate to, ReportGrouping groupBy, AttributionModel model,
                                AttributionMode mode, Integer lookbackDays, String currency, List<BlendedRow> rows,
                                ReportMetrics totals, Map<String, OtherCurrencyTotals> otherCurrencies) {
}
