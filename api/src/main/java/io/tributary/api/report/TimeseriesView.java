package io.tributary.api.report;

import java.time.LocalDate;
import java.util.List;

public record TimeseriesView(LocalDate from, LocalDate to, ReportMetric metric, ReportGrouping groupBy,
                             ReportInterval interval, AttributionModel model, AttributionMode mode, String currency,
                             List<TimeseriesSeries> series) {
}
