package io.tributary.api.report;

import java.math.BigDecimal;

/**
 * The measures of a report row or of the totals. First-party (attributed, fractional, two decimals): orders,
 * revenue, netRevenue, newCustomerOrders, and otherCurrencyOrders (orders whose revenue is in another currency and
 * therefore not in revenue). In-platform: spend, impressions, clicks, platformConversions, platformConversionValue.
 * Derived, null when the divisor is zero: roas = revenue / spend, cpa = spend / orders, cpc = spend / clicks,
 * ctr = clicks / impressions, cvr = orders / sessions, aov = revenue / orders in the reporting currency.
 */
public record ReportMetrics(long sessions, BigDecimal orders, BigDecimal revenue, BigDecimal netRevenue,
                            BigDecimal newCustomerOrders, BigDecimal otherCurrencyOrders, BigDecimal spend,
                            long impressions, long clicks, BigDecimal platformConversions,
                            BigDecimal platformConversionValue, BigDecimal roas, BigDecimal cpa, BigDecimal cpc,
                            BigDecimal ctr, BigDecimal cvr, BigDecimal aov) {
}
