package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How reports show numbers: counts and money with two decimals, ratios with four; a zero divisor gives null. */
final class Rounding {

    static final int MONEY = 2;
    static final int RATIO = 4;

    private Rounding() {
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY, RoundingMode.HALF_UP);
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        return divisor.signum() == 0 ? null : dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }

    static BigDecimal divide(BigDecimal dividend, long divisor, int scale) {
        return divide(dividend, BigDecimal.valueOf(divisor), scale);
    }
}
