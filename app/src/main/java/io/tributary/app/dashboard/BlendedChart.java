package io.tributary.app.dashboard;

import io.tributary.api.report.ReportKey;
import io.tributary.api.report.TimeseriesPoint;
import io.tributary.api.report.TimeseriesSeries;
import io.tributary.api.report.TimeseriesView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What the blended page draws: which group keys its table shows, and its two charts, one value per day. */
final class BlendedChart {

    /** The group keys a row may have, in table order, with their headings (ids are left out: names say more). */
    static final Map<String, String> KEYS = keys();

    private static final Map<String, Function<ReportKey, Object>> KEY_VALUES = Map.of(
            "date", ReportKey::date, "channelGroup", ReportKey::channelGroup, "channel", ReportKey::channel,
            "platform", ReportKey::platform, "campaign", ReportKey::campaign, "adSet", ReportKey::adSet,
            "ad", ReportKey::ad);

    private BlendedChart() {
    }

    /** A line chart: one label per day, and its lines. */
    public record Chart(List<String> labels, List<Line> lines) {
    }

    /** One line; a null value is a gap (no ROAS without spend). */
    public record Line(String label, List<BigDecimal> values) {
    }

    /** The keys set on at least one row, in table order. */
    static List<String> keyColumns(List<ReportKey> keys) {
        return KEYS.keySet().stream()
                .filter(name -> keys.stream().map(KEY_VALUES.get(name)).anyMatch(Objects::nonNull)).toList();
    }

    static List<String> keyValues(ReportKey key, List<String> columns) {
        return columns.stream().map(name -> KEY_VALUES.get(name).apply(key))
                .map(value -> value == null ? "—" : value.toString()).toList();
    }

    /** Revenue (every channel's credit added up) and spend, per day. */
    static Chart revenueVsSpend(LocalDate from, LocalDate to, TimeseriesView revenue, TimeseriesView spend) {
        List<LocalDate> days = days(from, to);
        return new Chart(labels(days), List.of(new Line("Revenue", total(days, revenue)), new Line("Spend", total(days, spend))));
    }

    /** ROAS per day over all channels (revenue / spend), then per channel that had spend. */
    static Chart roas(LocalDate from, LocalDate to, TimeseriesView revenue, TimeseriesView spend, TimeseriesView roas) {
        List<LocalDate> days = days(from, to);
        List<BigDecimal> revenues = total(days, revenue);
        List<BigDecimal> spends = total(days, spend);
        List<BigDecimal> overall = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            overall.add(spends.get(i).signum() == 0 ? null
                    : revenues.get(i).divide(spends.get(i), 2, RoundingMode.HALF_UP));
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("All channels", overall));
        for (TimeseriesSeries series : roas.series()) {
            List<BigDecimal> values = values(days, series);
            if (values.stream().anyMatch(Objects::nonNull)) {
                lines.add(new Line(series.label(), values));
            }
        }
        return new Chart(labels(days), lines);
    }

    private static List<BigDecimal> total(List<LocalDate> days, TimeseriesView view) {
        List<BigDecimal> sums = new ArrayList<>(days.stream().map(day -> BigDecimal.ZERO).toList());
        for (TimeseriesSeries series : view.series()) {
            List<BigDecimal> values = values(days, series);
            for (int i = 0; i < days.size(); i++) {
                if (values.get(i) != null) {
                    sums.set(i, sums.get(i).add(values.get(i)));
                }
            }
        }
        return sums;
    }

    private static List<BigDecimal> values(List<LocalDate> days, TimeseriesSeries series) {
        Map<LocalDate, BigDecimal> byDay = new HashMap<>();
        for (TimeseriesPoint point : series.points()) {
            if (point.value() != null) {
                byDay.put(point.date(), point.value());
            }
        }
        return days.stream().map(byDay::get).toList();
    }

    private static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static List<String> labels(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toList();
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("date", "Day");
        keys.put("channelGroup", "Channel group");
        keys.put("channel", "Channel");
        keys.put("platform", "Platform");
        keys.put("campaign", "Campaign");
        keys.put("adSet", "Ad set");
        keys.put("ad", "Ad");
        return keys;
    }
}
