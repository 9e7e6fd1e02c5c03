package io.tributary.query.attribution;

import io.tributary.api.marketing.MetricRow;
import io.tributary.api.report.OtherCurrencyTotals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report is built from, per day and dims: sessions, attributed credit and ad-platform metrics, unrounded.
 * Money in another currency than the reporting one is counted and listed apart, never summed with it.
 */
public final class ReportFacts {

    private final String currency;
    private final Map<FactKey, Measures> cells = new LinkedHashMap<>();
    private final Measures conversionTotals = new Measures();
    private final Map<String, BigDecimal[]> otherCurrencies = new TreeMap<>();

    public ReportFacts(String currency) {
        this.currency = normalised(currency);
    }

    public String currency() {
        return currency;
    }

    /** An amount without currency is taken to be in the reporting currency. */
    public boolean isReportingCurrency(String value) {
        return isReportingCurrency(currency, value);
    }

    static boolean isReportingCurrency(String reporting, String value) {
        return value == null || value.isBlank() || normalised(value).equals(normalised(reporting));
    }

    public void addSessions(LocalDate date, ReportDims dims, long count) {
        cell(date, dims).sessions += count;
    }

    public void addSpend(LocalDate date, ReportDims dims, MetricRow row) {
        Measures cell = cell(date, dims);
        cell.impressions += row.impressions();
        cell.clicks += row.clicks();
        cell.platformConversions = cell.platformConversions.add(orZero(row.platformConversions()));
        if (isReportingCurrency(row.currency())) {
            cell.spend = cell.spend.add(orZero(row.spend()));
            cell.platformConversionValue = cell.platformConversionValue.add(orZero(row.platformConversionValue()));
        } else {
            other(row.currency())[2] = other(row.currency())[2].add(orZero(row.spend()));
        }
    }

    public void addCredit(LocalDate date, ReportDims dims, ConversionValue value, BigDecimal share) {
        cell(date, dims).addConversion(value, share);
    }

    /** Counts a conversion once, whatever its credits: the totals under participation, and other currencies. */
    public void countConversion(ConversionValue value) {
        conversionTotals.addConversion(value, BigDecimal.ONE);
        if (!value.inReportingCurrency()) {
            BigDecimal[] tally = other(value.currency());
            tally[0] = tally[0].add(BigDecimal.ONE);
            tally[1] = tally[1].add(value.revenue());
        }
    }

    /** Adds a rolled-up cell: credit already summed per day and touch. */
    void addCredit(LocalDate date, ReportDims dims, Measures credit) {
        cell(date, dims).add(credit);
    }

    /** Adds rolled-up conversions counted once: their totals, and per other currency their count and revenue. */
    void countConversions(Measures once, Map<String, BigDecimal[]> otherCurrencyOrdersAndRevenue) {
        conversionTotals.add(once);
        otherCurrencyOrdersAndRevenue.forEach((code, tally) -> {
            BigDecimal[] own = other(code);
            own[0] = own[0].add(tally[0]);
            own[1] = own[1].add(tally[1]);
        });
    }

    Map<FactKey, Measures> cells() {
        return cells;
    }

    Measures conversionTotals() {
        return conversionTotals;
    }

    public Map<String, OtherCurrencyTotals> otherCurrencies() {
        Map<String, OtherCurrencyTotals> view = new TreeMap<>();
        otherCurrencies.forEach((code, t) -> view.put(code, new OtherCurrencyTotals(Rounding.money(t[0]),
                Rounding.money(t[1]), Rounding.money(t[2]))));
        return view;
    }

    private Measures cell(LocalDate date, ReportDims dims) {
        return cells.computeIfAbsent(new FactKey(date, dims), k -> new Measures());
    }

    private BigDecimal[] other(String code) {
        return otherCurrencies.computeIfAbsent(normalised(code),
                c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String normalised(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
