package io.tributary.query.attribution;

import io.tributary.api.report.BlendedRow;
import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportKey;
import io.tributary.api.report.ReportMetrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows and totals of a blended report. Fractional columns are rounded to two decimals so that the rows sum to
 * the rounded total ({@link Apportionment}); the totals are that sum, except under participation, where the
 * first-party totals count each conversion once. Derived metrics are computed from the shown values.
 */
public final class BlendedTable {

    private static final Comparator<Map.Entry<ReportKey, Measures>> BIGGEST_FIRST = Comparator
            .comparing((Map.Entry<ReportKey, Measures> e) -> e.getValue().revenue).reversed()
            .thenComparing(e -> e.getValue().spend, Comparator.reverseOrder())
            .thenComparing(e -> e.getValue().sessions, Comparator.reverseOrder())
            .thenComparing(e -> ReportKeys.labelOf(e.getKey()));
    private static final Comparator<Map.Entry<ReportKey, Measures>> BY_DATE =
            Comparator.comparing(e -> e.getKey().date());

    private BlendedTable() {
    }

    public record Result(List<BlendedRow> rows, ReportMetrics totals) {
    }

    public static Result build(ReportFacts facts, ReportGrouping grouping, boolean participation) {
        Map<ReportKey, Measures> grouped = new LinkedHashMap<>();
        facts.cells().forEach((cell, measures) -> grouped
                .computeIfAbsent(ReportKeys.keyOf(cell, grouping), k -> new Measures()).add(measures));
        List<Map.Entry<ReportKey, Measures>> entries = new ArrayList<>(grouped.entrySet());
        entries.sort(grouping == ReportGrouping.DAY ? BY_DATE : BIGGEST_FIRST);
        List<Measures> cells = entries.stream().map(Map.Entry::getValue).toList();

        List<BigDecimal> orders = rounded(cells, m -> m.orders);
        List<BigDecimal> revenue = rounded(cells, m -> m.revenue);
        List<BigDecimal> netRevenue = rounded(cells, m -> m.netRevenue);
        List<BigDecimal> newCustomers = rounded(cells, m -> m.newCustomerOrders);
        List<BigDecimal> otherCurrency = rounded(cells, m -> m.otherCurrencyOrders);
        List<BigDecimal> spend = rounded(cells, m -> m.spend);
        List<BigDecimal> conversions = rounded(cells, m -> m.platformConversions);
        List<BigDecimal> conversionValue = rounded(cells, m -> m.platformConversionValue);

        List<BlendedRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Measures m = cells.get(i);
            rows.add(new BlendedRow(entries.get(i).getKey(), metrics(m.sessions, orders.get(i), revenue.get(i),
                    netRevenue.get(i), newCustomers.get(i), otherCurrency.get(i), spend.get(i), m.impressions, m.clicks,
                    conversions.get(i), conversionValue.get(i))));
        }
        long sessions = cells.stream().mapToLong(m -> m.sessions).sum();
        long impressions = cells.stream().mapToLong(m -> m.impressions).sum();
        long clicks = cells.stream().mapToLong(m -> m.clicks).sum();
        Measures once = facts.conversionTotals();
        ReportMetrics totals = participation
                ? metrics(sessions, Rounding.money(once.orders), Rounding.money(once.revenue),
                        Rounding.money(once.netRevenue), Rounding.money(once.newCustomerOrders),
                        Rounding.money(once.otherCurrencyOrders), sum(spend), impressions, clicks, sum(conversions),
                        sum(conversionValue))
                : metrics(sessions, sum(orders), sum(revenue), sum(netRevenue), sum(newCustomers), sum(otherCurrency),
                        sum(spend), impressions, clicks, sum(conversions), sum(conversionValue));
        return new Result(rows, totals);
    }

    static ReportMetrics metrics(long sessions, BigDecimal orders, BigDecimal revenue, BigDecimal netRevenue,
                                 BigDecimal newCustomerOrders, BigDecimal otherCurrencyOrders, BigDecimal spend,
                                 long impressions, long clicks, BigDecimal platformConversions,
                                 BigDecimal platformConversionValue) {
        return new ReportMetrics(sessions, orders, revenue, netRevenue, newCustomerOrders, otherCurrencyOrders, spend,
                impressions, clicks, platformConversions, platformConversionValue,
                Rounding.divide(revenue, spend, Rounding.RATIO),
                Rounding.divide(spend, orders, Rounding.MONEY),
                Rounding.divide(spend, clicks, Rounding.MONEY),
                Rounding.divide(BigDecimal.valueOf(clicks), impressions, Rounding.RATIO),
                Rounding.divide(orders, sessions, Rounding.RATIO),
                Rounding.divide(revenue, orders.subtract(otherCurrencyOrders), Rounding.MONEY));
    }

    private static List<BigDecimal> rounded(List<Measures> cells, Function<Measures, BigDecimal> column) {
        return Apportionment.round(cells.stream().map(column).toList(), Rounding.MONEY);
    }

    private static BigDecimal sum(List<BigDecimal> column) {
        return Apportionment.total(column, Rounding.MONEY);
    }
}
