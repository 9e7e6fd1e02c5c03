package io.tributary.app.quality;

import io.tributary.api.ingestion.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a time parameter: an ISO-8601 instant, a UTC date-time without zone, or a date (its start, UTC). */
public final class Instants {

    private Instants() {
    }

    /** Null when blank; on a bad value, an error naming {@code field} is added and null answered. */
    public static Instant parse(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2025-03-01T00:00:00Z, or a date"));
                    return null;
                }
            }
        }
    }
}
