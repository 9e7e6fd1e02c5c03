package io.tributary.api.intake;

import io.tributary.api.ingestion.FieldError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one rule every intake adapter applies to a payload before it reads a single field: numbers within range (their
 * digits and exponent are checked before anything converts them, since expanding {@code 1e300000000} takes minutes),
 * keys neither empty nor holding control characters, not too many keys or nesting levels, strings and ids not too
 * long, event times within a sane window. Each problem is named by its field; a payload with many problems is
 * answered with the first {@value #MAX_ERRORS}.
 */
public final class PayloadBounds {

    static final int MAX_ERRORS = 20;
    /** The latest time an ISO-8601 year of four digits can say; later than the tolerance but before it is clamped. */
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final PayloadLimits limits;

    public PayloadBounds(PayloadLimits limits) {
        this.limits = limits;
    }

    public PayloadLimits limits() {
        return limits;
    }

    /** Every rule, over a client payload (a tracked event, a Segment message): the path prefixes its field names. */
    public void check(Object payload, String path, List<FieldError> errors) {
        new Walk(errors, true).visit(payload, path, 0);
    }

    /**
     * Numbers, keys and nesting only: for signed store payloads, whose own size and text are legitimate (an order
     * with many line items has more than {@code maxKeys} keys) and which are mapped to a small tracked event.
     */
    public void checkStructure(Object payload, String path, List<FieldError> errors) {
        new Walk(errors, false).visit(payload, path, 0);
    }

    /** Whether a number can be converted (to text, to a whole number, to a long) without cost. */
    public boolean isBounded(Number number) {
        return numberError(number) == null;
    }

    /** Why a number is out of range, or null. */
    public String numberError(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            return Double.isNaN(value) || Double.isInfinite(value) ? "must be a finite number" : null;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return null;
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : null;
        if (decimal == null) {
            return "must be a plain number";
        }
        long magnitude = (long) decimal.precision() - decimal.scale() - 1;
        if (decimal.precision() > limits.maxNumberDigits()) {
            return "must have at most " + limits.maxNumberDigits() + " digits";
        }
        if (Math.abs(magnitude) > limits.maxNumberExponent()) {
            return "must be within 1e-" + limits.maxNumberExponent() + " and 1e" + limits.maxNumberExponent();
        }
        return null;
    }

    /**
     * A whole number as the text of an id, or null when it is not whole or has more than {@code maxDigits} digits:
     * the digits are counted before anything expands the number.
     */
    public static String wholeNumberText(Number number, int maxDigits) {
        if ((number instanceof Double || number instanceof Float)
                && (Double.isNaN(number.doubleValue()) || Double.isInfinite(number.doubleValue()))) {
            return null;
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : new BigDecimal(number.toString());
        long magnitude = (long) decimal.precision() - decimal.scale() - 1;
        if (decimal.precision() > maxDigits || magnitude >= maxDigits || decimal.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return decimal.toBigInteger().toString();
    }

    /**
     * Whether a decimal has at most {@code maxDigits} digits, and at most that many on either side of the point: its
     * plain text ({@code toPlainString}) is then short and cheap.
     */
    public static boolean fitsPlainly(BigDecimal decimal, int maxDigits) {
        long magnitude = (long) decimal.precision() - decimal.scale() - 1;
        return decimal.precision() <= maxDigits && magnitude < maxDigits && decimal.scale() <= maxDigits;
    }

    /** Why an event time is outside the window ({@code earliestTime} to {@link #LATEST_TIME}), or null. */
    public String timeError(Instant time) {
        return time.isBefore(limits.earliestTime()) || time.isAfter(LATEST_TIME) ? windowMessage() : null;
    }

    /**
     * Unix seconds as an instant, or null when the number is out of range or outside the window: checked before the
     * number is converted.
     */
    public Instant fromUnixSeconds(Number seconds) {
        if (!isBounded(seconds)) {
            return null;
        }
        BigDecimal value = new BigDecimal(seconds.toString());
        if (value.compareTo(BigDecimal.valueOf(limits.earliestTime().getEpochSecond())) < 0
                || value.compareTo(BigDecimal.valueOf(LATEST_TIME.getEpochSecond())) > 0) {
            return null;
        }
        BigDecimal whole = new BigDecimal(value.toBigInteger());
        return Instant.ofEpochSecond(whole.longValue(), value.subtract(whole).movePointRight(9).longValue());
    }

    public String windowMessage() {
        return "must be between " + limits.earliestTime() + " and " + LATEST_TIME
                + " (times ahead of the receive time are clamped to it)";
    }

    /** One walk over a payload, counting keys across it. */
    private final class Walk {

        private final List<FieldError> errors;
        private final boolean everyRule;
        private int keys;
        private boolean tooManyKeys;

        Walk(List<FieldError> errors, boolean everyRule) {
            this.errors = errors;
            this.everyRule = everyRule;
        }

        void visit(Object value, String path, int depth) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                if (depth >= limits.maxDepth()) {
                    add(path, "is nested more than " + limits.maxDepth() + " levels deep");
                    return;
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    String child = path.isEmpty() ? printable(key) : path + "." + printable(key);
                    key(key, child);
                    visit(entry.getValue(), child, depth + 1);
                }
            } else if (value instanceof List<?> list) {
                if (depth >= limits.maxDepth()) {
                    add(path, "is nested more than " + limits.maxDepth() + " levels deep");
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    visit(list.get(i), path + "[" + i + "]", depth + 1);
                }
            } else if (value instanceof Number number) {
                String problem = numberError(number);
                if (problem != null) {
                    add(path, problem);
                }
            } else if (everyRule && value instanceof String text && text.length() > limits.maxStringLength()) {
                add(path, "must be at most " + limits.maxStringLength() + " characters");
            }
        }

        private void key(String key, String path) {
            if (key.isEmpty()) {
                add(path, "property names must not be empty");
            } else if (key.chars().anyMatch(PayloadBounds::isControl)) {
                add(path, "property names must not contain control characters");
            } else if (everyRule && key.length() > limits.maxIdLength()) {
                add(path, "property names must be at most " + limits.maxIdLength() + " characters");
            }
            if (everyRule && ++keys > limits.maxKeys() && !tooManyKeys) {
                tooManyKeys = true;
                add(path, "an event may have at most " + limits.maxKeys() + " keys at all depths");
            }
        }

        private void add(String path, String message) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(path.isEmpty() ? "body" : path, message));
            }
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
    }

    /** A key as it can be shown in a field name: control characters escaped, cut at 64 characters. */
    static String printable(String key) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < key.length() && shown.length() < 64; i++) {
            char c = key.charAt(i);
            shown.append(isControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return key.length() > 64 || shown.length() > 64 ? shown.substring(0, Math.min(shown.length(), 64)) + "…"
                : shown.toString();
    }
}
