package io.tributary.api.report;

/** One metric per interval, one series per group (groupBy is not {@code day}). */
public record FindReportTimeseries(AttributionScope scope, ReportMetric metric, ReportGrouping groupBy,
                                   ReportInterval interval) {
}
