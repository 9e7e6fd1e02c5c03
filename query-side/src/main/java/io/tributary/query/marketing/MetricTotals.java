package io.tributary.query.marketing;

import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.util.Objects;

/** Exact sums of metric rows; an amount a row does not have counts as 0. */
final class MetricTotals {

    private BigDecimal spend = BigDecimal.ZERO;
    private long impressions;
    private long clicks;
    private BigDecimal conversions = BigDecimal.ZERO;
    private BigDecimal conversionValue = BigDecimal.ZERO;

    void add(MetricRow row) {
        spend = spend.add(orZero(row.spend()));
        impressions += row.impressions();
        clicks += row.clicks();
        conversions = conversions.add(orZero(row.platformConversions()));
        conversionValue = conversionValue.add(orZero(row.platformConversionValue()));
    }

    BigDecimal spend() {
        return spend;
    }

    long impressions() {
        return impressions;
    }

    long clicks() {
        return clicks;
    }

    BigDecimal conversions() {
        return conversions;
    }

    BigDecimal conversionValue() {
        return conversionValue;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return Objects.requireNonNullElse(value, BigDecimal.ZERO);
    }
}
