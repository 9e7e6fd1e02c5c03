package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** The tracked-event properties attribution reads, leniently: a value it cannot read is absent. */
final class OrderProperties {

    static final String TOTAL_PRICE = "total_price";
    static final String CURRENCY = "currency";
    static final String NEW_CUSTOMER = "$is_new_customer";
    static final String ID = "id";
    static final String ORDER_ID = "order_id";
    static final String LANDING_SITE = "landing_site";
    static final String REFERRING_SITE = "referring_site";

    private OrderProperties() {
    }

    /** An exact decimal from a number or a numeric string. */
    static Optional<BigDecimal> money(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.toString().trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
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
