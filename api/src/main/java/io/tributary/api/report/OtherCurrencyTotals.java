package io.tributary.api.report;

import java.math.BigDecimal;

/** What a report left out of its money columns because it is in another currency than the reporting one. */
public record OtherCurrencyTotals(BigDecimal orders, BigDecimal revenue, BigDecimal spend) {
}
