package io.tributary.app.ingest;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.TimestampBounds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An event time: ISO-8601 with a zone (the zone is kept) or unix seconds; the receive time when absent.
 * Times outside the window of {@link PayloadBounds} are refused; times further ahead than the tolerance are clamped
 * to the receive time, and flagged.
 */
record EventTime(Instant instant, String offset, boolean clamped) {

    static EventTime read(Object value, String field, Instant receivedAt, TimestampBounds bounds,
                          PayloadBounds window, List<FieldError> errors) {
        EventTime time = parse(value, field, receivedAt, window, errors);
        if (time != null && window.timeError(time.instant()) != null) {
            errors.add(new FieldError(field, window.windowMessage()));
            return null;
        }
        if (time != null && bounds.isTooFarAhead(time.instant(), receivedAt)) {
            return new EventTime(receivedAt, time.offset(), true);
        }
        return time;
    }

    private static EventTime parse(Object value, String field, Instant receivedAt, PayloadBounds window,
                                   List<FieldError> errors) {
        if (value == null) {
            return new EventTime(receivedAt, null, false);
        }
        if (value instanceof Number number) {
            Instant seconds = window.fromUnixSeconds(number);
            if (seconds == null && window.isBounded(number)) {
                errors.add(new FieldError(field, window.windowMessage()));
            }
            return seconds == null ? null : new EventTime(seconds, null, false);
        }
        if (value instanceof String text) {
            try {
                OffsetDateTime parsed = OffsetDateTime.parse(text.trim());
                return new EventTime(parsed.toInstant(), parsed.getOffset().getId(), false);
            } catch (DateTimeParseException notOffset) {
                try {
                    ZonedDateTime zoned = ZonedDateTime.parse(text.trim());
                    return new EventTime(zoned.toInstant(), zoned.getZone().getId(), false);
                } catch (DateTimeParseException notZoned) {
                    errors.add(new FieldError(field, "must be ISO-8601 with a time zone (e.g. 2024-09-02T12:34:56+00:00) or unix seconds"));
                    return null;
                }
            }
        }
        errors.add(new FieldError(field, "must be an ISO-8601 string with a time zone or a number of unix seconds"));
        return null;
    }
}
