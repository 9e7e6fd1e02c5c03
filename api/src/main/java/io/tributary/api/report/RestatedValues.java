package io.tributary.api.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A reported cell's figures before or after a restatement, rounded to cents: the credited columns for a credit
 * change, the ad-platform columns for an ad restatement (the others null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestatedValues(BigDecimal orders, BigDecimal revenue, BigDecimal netRevenue,
                             BigDecimal newCustomerOrders, BigDecimal spend, Long impressions, Long clicks) {
}
