package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The tracked-event properties attribution reads, leniently: a value it cannot read is absent. */
final class OrderProperties {

    static final String TOTAL_PRICE = "total_price";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String NEW_CUSTOMER = "$is_new_customer";
    static final String ID = "id";
    static final String ORDER_ID = "order_id";
    static final String LANDING_SITE = "landing_site";
    static final String REFERRING_SITE = "referring_site";

    private OrderProperties() {
    }

    /** Digits and exponent beyond which a number is no amount of money (and arithmetic on it could run for ever). */
    private static final int MAX_PRECISION = 34;
    private static final int MAX_SCALE = 18;

    /**
     * An exact decimal from a number or a numeric string, of at most {@value #MAX_PRECISION} digits and at most
     * {@value #MAX_SCALE} digits on either side of the point.
     */
    static Optional<BigDecimal> money(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return Optional.empty();
        }
        try {
            BigDecimal money = new BigDecimal(value.toString().trim());
            boolean bounded = money.precision() <= MAX_PRECISION && Math.abs(money.scale()) <= MAX_SCALE;
            return bounded ? Optional.of(money) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * What a refund gave back: its {@code amount} (Shopify, WooCommerce), else its {@code total_price} (as Converge
     * webhooks send it), as a positive decimal; absent when it has neither, which refunds the whole order.
     */
    static Optional<BigDecimal> refunded(Map<String, Object> properties) {
        return money(properties.get(AMOUNT)).or(() -> money(properties.get(TOTAL_PRICE))).map(BigDecimal::abs);
    }

    static String currency(Object value) {
        return text(value).map(code -> code.toUpperCase(Locale.ROOT)).orElse(null);
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String s && s.trim().equalsIgnoreCase("true"));
    }

    /** A non-blank string or number as text (numbers without exponent). */
    static Optional<String> text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal.toPlainString());
        }
        if (value instanceof Number || value instanceof String) {
            String text = value.toString().trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }
}
