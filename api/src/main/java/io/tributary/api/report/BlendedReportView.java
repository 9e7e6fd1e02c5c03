package io.tributary.api.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The blended report. Totals equal the sum of the rows, except under participation, where each conversion is
 * counted once in the totals. {@code otherCurrencies} lists, per currency, what was counted but not summed.
 * {@code path} says how it was answered: {@value ReportPath#ROLLUP} (from the daily roll-ups) or
 * {@value ReportPath#EXACT} (credited when asked); both give the same figures.
 */
public record BlendedReportView(LocalDate from, LocalDate to, ReportGrouping groupBy, AttributionModel model,
                                AttributionMode mode, Integer lookbackDays, String currency, List<BlendedRow> rows,
                                ReportMetrics totals, Map<String, OtherCurrencyTotals> otherCurrencies, String path) {

    /** Answered the exact way. */
    public BlendedReportView(LocalDate from, LocalDate to, ReportGrouping groupBy, AttributionModel model,
                             AttributionMode mode, Integer lookbackDays, String currency, List<BlendedRow> rows,
                             ReportMetrics totals, Map<String, OtherCurrencyTotals> otherCurrencies) {
        this(from, to, groupBy, model, mode, lookbackDays, currency, rows, totals, otherCurrencies, ReportPath.EXACT);
    }
}
