package io.tributary.api.report;

/**
 * First-party attributed conversions next to ad-platform metrics, one row per group. {@code path}: null to let the
 * report use the roll-ups where they cover it, {@value ReportPath#EXACT} to credit when asked whatever they cover.
 */
public record FindBlendedReport(AttributionScope scope, ReportGrouping groupBy, String path) {

    public FindBlendedReport(AttributionScope scope, ReportGrouping groupBy) {
        this(scope, groupBy, null);
    }
}
