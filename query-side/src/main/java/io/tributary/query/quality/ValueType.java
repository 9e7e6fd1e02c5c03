package io.tributary.query.quality;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The value types a spec can ask for, and what each accepts. */
public enum ValueType {
    STRING("a string"),
    NUMBER("a number"),
    INTEGER("a whole number"),
    /** Money and other exact amounts: a JSON number or a decimal string such as "49.99". */
    DECIMAL("a decimal (a number or a string such as \"49.99\")"),
    BOOLEAN("true or false"),
    OBJECT("an object"),
    ARRAY("an array"),
    /** An upper-case ISO-4217 code such as EUR. */
    CURRENCY("an upper-case ISO-4217 currency code such as EUR"),
    /** An identifier: a non-blank string or a whole number. */
    ID("a non-blank string or a whole number");

    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static ValueType fromWire(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown type " + name + "; known: "
                    + List.of(values()).stream().map(ValueType::wireName).toList(), e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Number;
            case INTEGER -> isWhole(value);
            case DECIMAL -> value instanceof Number || value instanceof String text && DECIMAL_TEXT.matcher(text.trim()).matches();
            case BOOLEAN -> value instanceof Boolean;
            case OBJECT -> value instanceof Map;
            case ARRAY -> value instanceof List;
            case CURRENCY -> value instanceof String text && isCurrency(text);
            case ID -> value instanceof String text ? !text.isBlank() : isWhole(value);
        };
    }

    private static boolean isWhole(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0;
        }
        return value instanceof Double d && d == Math.rint(d) && !d.isInfinite();
    }

    private static boolean isCurrency(String code) {
        if (!CURRENCY_CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
