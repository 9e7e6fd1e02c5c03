package io.tributary.query.attribution;

import java.math.BigDecimal;

/**
 * The money of one conversion as a report counts it.
 *
 * @param inReportingCurrency false when its currency differs from the report's: then it is counted, not summed
 */
public record ConversionValue(BigDecimal revenue, BigDecimal netRevenue, String currency, boolean newCustomer,
                              boolean inReportingCurrency) {
}
