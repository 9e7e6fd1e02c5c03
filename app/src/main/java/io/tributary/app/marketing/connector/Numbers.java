package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Reads the numbers platforms send, as strings ("12.34") or JSON numbers, exactly. Missing values are zero
 * (Google leaves zero metrics out); anything else that is not a plain decimal is refused, naming the field.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Numbers() {
    }

    public static BigDecimal decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ZERO;
        }
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(field + ": '" + abbreviate(trimmed) + "' is not a decimal number");
        }
        return new BigDecimal(trimmed);
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return BigDecimal.ZERO;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return decimal(node.asText(), field);
    }

    /** A count: a whole number, possibly written with zero decimals ("12.0"). */
    public static long count(String text, String field) {
        BigDecimal value = decimal(text, field);
        try {
            return value.stripTrailingZeros().toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + ": '" + abbreviate(text) + "' is not a whole number");
        }
    }

    public static long count(JsonNode node, String field) {
        if (node != null && node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.longValueExact();
        }
        return node == null || node.isNull() || node.isMissingNode() ? 0 : count(node.asText(), field);
    }

    /** Micros (Google's cost_micros) as an amount, exactly: 12345678 → 12.345678, 12000000 → 12.00. */
    public static BigDecimal fromMicros(BigDecimal micros) {
        BigDecimal amount = micros.movePointLeft(6).stripTrailingZeros();
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
