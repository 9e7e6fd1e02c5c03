package io.tributary.api.report;

/** How a report was answered: the {@code path} field of the blended report and the time series. */
public final class ReportPath {

    /** Added up from the per-day roll-ups: the cost of the days in range, not of the conversions in them. */
    public static final String ROLLUP = "rollup";
    /** Credited when asked, conversion by conversion: click_time mode, or while the roll-ups are rebuilt. */
    public static final String EXACT = "exact";

    private ReportPath() {
    }
}
