package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cancellation or refund of an order.
 *
 * @param amount a refund's amount (in the order's currency); null refunds the whole order
 */
record Adjustment(String recordId, Kind kind, BigDecimal amount) {

    enum Kind { CANCEL, REFUND }

    /** Revenue after its adjustments: 0 once cancelled, else minus every refund, never below 0. */
    static BigDecimal net(BigDecimal revenue, List<Adjustment> adjustments) {
        if (adjustments.stream().anyMatch(a -> a.kind() == Kind.CANCEL)) {
            return BigDecimal.ZERO;
        }
        BigDecimal refunded = adjustments.stream().map(a -> a.amount() == null ? revenue : a.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return revenue.subtract(refunded).max(BigDecimal.ZERO);
    }
}
