package io.tributary.api.report;

/** First-party attributed conversions next to ad-platform metrics, one row per group. */
public record FindBlendedReport(AttributionScope scope, ReportGrouping groupBy) {
}
