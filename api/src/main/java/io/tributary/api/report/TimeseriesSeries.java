package io.tributary.api.report;

import java.util.List;

/** One line of a chart: a group and its points, one per interval of the range (zero when nothing happened). */
public record TimeseriesSeries(String label, ReportKey key, List<TimeseriesPoint> points) {
}
