package io.tributary.api.report;

/** One metric per interval, one series per group (groupBy is not {@code day}); {@code path} as in the blended report. */
public record FindReportTimeseries(AttributionScope scope, ReportMetric metric, ReportGrouping groupBy,
                                   ReportInterval interval, String path) {

    public FindReportTimeseries(AttributionScope scope, ReportMetric metric, ReportGrouping groupBy,
                                ReportInterval interval) {
        this(scope, metric, groupBy, interval, null);
    }
}
