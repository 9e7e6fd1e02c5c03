package io.tributary.api.marketing;

import java.time.LocalDate;
import java.util.List;

public record MarketingMetricsView(LocalDate from, LocalDate to, MetricGrouping groupBy,
                                   List<MarketingMetricsLine> lines) {
}
