package io.tributary.api.report;

import java.time.LocalDate;
import java.util.List;

/** {@code path} says how it was answered, as in {@link BlendedReportView}. */
public record TimeseriesView(LocalDate from, LocalDate to, ReportMetric metric, ReportGrouping groupBy,
                             ReportInterval interval, AttributionModel model, AttributionMode mode, String currency,
                             List<TimeseriesSeries> series, String path) {

    /** Answered the exact way. */
    public TimeseriesView(LocalDate from, LocalDate to, ReportMetric metric, ReportGrouping groupBy,
                          ReportInterval interval, AttributionModel model, AttributionMode mode, String currency,
                          List<TimeseriesSeries> series) {
        this(from, to, metric, groupBy, interval, model, mode, currency, series, ReportPath.EXACT);
    }
}
