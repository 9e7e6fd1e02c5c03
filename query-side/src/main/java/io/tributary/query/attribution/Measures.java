package io.tributary.query.attribution;

import java.math.BigDecimal;

/** Unrounded sums of one cell of a report; mutable, confined to the building of one report. */
final class Measures {

    long sessions;
    BigDecimal orders = BigDecimal.ZERO;
    BigDecimal revenue = BigDecimal.ZERO;
    BigDecimal netRevenue = BigDecimal.ZERO;
    BigDecimal newCustomerOrders = BigDecimal.ZERO;
    BigDecimal otherCurrencyOrders = BigDecimal.ZERO;
    BigDecimal spend = BigDecimal.ZERO;
    long impressions;
    long clicks;
    BigDecimal platformConversions = BigDecimal.ZERO;
    BigDecimal platformConversionValue = BigDecimal.ZERO;

    void add(Measures other) {
        sessions += other.sessions;
        orders = orders.add(other.orders);
        revenue = revenue.add(other.revenue);
        netRevenue = netRevenue.add(other.netRevenue);
        newCustomerOrders = newCustomerOrders.add(other.newCustomerOrders);
        otherCurrencyOrders = otherCurrencyOrders.add(other.otherCurrencyOrders);
        spend = spend.add(other.spend);
        impressions += other.impressions;
        clicks += other.clicks;
        platformConversions = platformConversions.add(other.platformConversions);
        platformConversionValue = platformConversionValue.add(other.platformConversionValue);
    }

    /** Adds {@code share} of a conversion: its revenue only when it is in the reporting currency. */
    void addConversion(ConversionValue value, BigDecimal share) {
        orders = orders.add(share);
        if (value.newCustomer()) {
            newCustomerOrders = newCustomerOrders.add(share);
        }
        if (value.inReportingCurrency()) {
            revenue = revenue.add(value.revenue().multiply(share));
            netRevenue = netRevenue.add(value.netRevenue().multiply(share));
        } else {
            otherCurrencyOrders = otherCurrencyOrders.add(share);
        }
    }
}
