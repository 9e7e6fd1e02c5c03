package io.tributary.app.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.PayloadLimits;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads the fields of a store payload: ids (exact, even above 2^53), money as exact decimal strings, times with
 * their offset. A bad value becomes a {@link FieldError} naming its path; an absent one is null.
 */
public final class StoreJson {

    private static final int MONEY_DIGITS = PayloadLimits.DEFAULTS.maxNumberDigits();

    private StoreJson() {
    }

    /** Text or a whole number as text; null when absent, null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            String text = value.asText().trim();
            return text.isEmpty() ? null : text;
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        return null;
    }

    public static String id(JsonNode node, String field, String path, boolean required, List<FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber() || (value.isTextual() && !value.asText().isBlank())) {
            return text(node, field);
        }
        if (required || !(value.isMissingNode() || value.isNull())) {
            errors.add(new FieldError(path, required && (value.isMissingNode() || value.isNull())
                    ? "is required" : "must be a whole number or a string id"));
        }
        return null;
    }

    /**
     * An exact decimal amount as a plain string ("49.90"), from a decimal string or a JSON number; at most 40 digits,
     * checked before the amount is written out in full.
     */
    public static String money(JsonNode node, String field, String path, List<FieldError> errors) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
            if (PayloadBounds.fitsPlainly(amount, MONEY_DIGITS)) {
                return amount.toPlainString();
            }
            errors.add(new FieldError(path, "must be a decimal amount of at most " + MONEY_DIGITS + " digits"));
            return null;
        } catch (NumberFormatException notDecimal) {
            errors.add(new FieldError(path, "must be a decimal amount"));
            return null;
        }
    }

    public static Long whole(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() && value.isIntegralNumber() ? value.longValue() : null;
    }

    /** An ISO-8601 time with an offset (Shopify), or without one when {@code assumeUtc} (WooCommerce's *_gmt fields). */
    public static OffsetDateTime time(JsonNode node, String field, String path, boolean required, boolean assumeUtc,
                                      List<FieldError> errors) {
        String text = text(node, field);
        if (text == null) {
            if (required) {
                errors.add(new FieldError(path, "is required"));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException noOffset) {
            if (assumeUtc) {
                try {
                    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
            errors.add(new FieldError(path, "must be an ISO-8601 time"));
            return null;
        }
    }
}
