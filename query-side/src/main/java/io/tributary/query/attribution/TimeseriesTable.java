package io.tributary.query.attribution;

import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportInterval;
import io.tributary.api.report.ReportKey;
import io.tributary.api.report.ReportMetric;
import io.tributary.api.report.TimeseriesPoint;
import io.tributary.api.report.TimeseriesSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One series per group, one point per interval of the range; biggest series (by the metric's sum) first. */
public final class TimeseriesTable {

    private TimeseriesTable() {
    }

    public static List<TimeseriesSeries> build(ReportFacts facts, ReportMetric metric, ReportGrouping grouping,
                                               ReportInterval interval, LocalDate from, LocalDate to) {
        Map<ReportKey, Map<LocalDate, Measures>> byGroup = new LinkedHashMap<>();
        Map<ReportKey, Measures> totals = new HashMap<>();
        facts.cells().forEach((cell, measures) -> {
            ReportKey key = ReportKeys.keyOf(cell, grouping);
            byGroup.computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(interval.start(cell.date()), d -> new Measures()).add(measures);
            totals.computeIfAbsent(key, k -> new Measures()).add(measures);
        });
        List<ReportKey> keys = new ArrayList<>(byGroup.keySet());
        keys.sort(Comparator.comparing((ReportKey k) -> sortValue(metric, totals.get(k))).reversed()
                .thenComparing(ReportKeys::labelOf));
        List<TimeseriesSeries> series = new ArrayList<>();
        for (ReportKey key : keys) {
            List<TimeseriesPoint> points = new ArrayList<>();
            for (LocalDate start = interval.start(from); !start.isAfter(to); start = interval.next(start)) {
                Measures m = byGroup.get(key).getOrDefault(start, new Measures());
                points.add(new TimeseriesPoint(start, valueOf(metric, m)));
            }
            series.add(new TimeseriesSeries(ReportKeys.labelOf(key), key, points));
        }
        return series;
    }

    static BigDecimal valueOf(ReportMetric metric, Measures m) {
        return switch (metric) {
            case REVENUE -> Rounding.money(m.revenue);
            case ORDERS -> Rounding.money(m.orders);
            case SPEND -> Rounding.money(m.spend);
            case SESSIONS -> BigDecimal.valueOf(m.sessions);
            case ROAS -> Rounding.divide(Rounding.money(m.revenue), Rounding.money(m.spend), Rounding.RATIO);
        };
    }

    private static BigDecimal sortValue(ReportMetric metric, Measures m) {
        BigDecimal value = metric == ReportMetric.ROAS ? m.revenue.add(m.spend) : valueOf(metric, m);
        return value == null ? BigDecimal.ZERO : value;
    }
}
