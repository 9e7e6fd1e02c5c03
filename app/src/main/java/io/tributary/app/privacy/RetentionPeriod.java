package io.tributary.app.privacy;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A retention as the API takes it: an ISO-8601 period of whole months or years ({@code "P25M"}, {@code "P2Y"},
 * {@code "P1Y6M"}) or a number of months ({@code 25}), from 1 month to 100 years. Days and weeks are refused:
 * retention is applied by calendar month.
 */
final class RetentionPeriod {

    static final int MAX_MONTHS = 1200;
    static final String EXPECTED = "an ISO-8601 period of months or years (for example \"P25M\"), a whole number of "
            + "months from 1 to " + MAX_MONTHS + ", or null to keep events for ever";

    private RetentionPeriod() {
    }

    /** The months, or empty when the value is no valid retention (null is valid, but means for ever: ask first). */
    static Optional<Integer> months(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return inRange(((Number) value).longValue());
        }
        if (value instanceof String text) {
            return text.isBlank() ? Optional.empty() : fromText(text.trim());
        }
        return Optional.empty();
    }

    /** The ISO form of a number of months: {@code P25M}. */
    static String iso(int months) {
        return "P" + months + "M";
    }

    private static Optional<Integer> fromText(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return text.length() > 5 ? Optional.empty() : inRange(Long.parseLong(text));
        }
        try {
            Period period = Period.parse(text);
            if (period.getDays() != 0 || period.isNegative()) {
                return Optional.empty();
            }
            return inRange(period.toTotalMonths());
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> inRange(long months) {
        return months >= 1 && months <= MAX_MONTHS ? Optional.of((int) months) : Optional.empty();
    }
}
