package io.tributary.app.segment;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.TimestampBounds;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The time of a Segment message. The client's time is {@code originalTimestamp}, else {@code timestamp}. When the
 * client also says when it sent the message ({@code sentAt}, on the message or on its batch), its clock skew is
 * removed as Segment does: {@code receivedAt − (sentAt − clientTime)}. Without a client time it is the receive
 * time. Times outside the window of {@link PayloadBounds} are refused; times further ahead than the tolerance are
 * clamped to the receive time.
 *
 * @param clientTime the client's time as it was sent, or null
 */
record SegmentTime(Instant instant, String offset, boolean clamped, String clientTime) {

    static final String ORIGINAL_TIMESTAMP = "originalTimestamp";
    static final String TIMESTAMP = "timestamp";
    static final String SENT_AT = "sentAt";

    static SegmentTime read(Map<String, Object> message, Object batchSentAt, Instant receivedAt,
                            TimestampBounds bounds, PayloadBounds window, List<FieldError> errors) {
        String clientField = message.get(ORIGINAL_TIMESTAMP) != null ? ORIGINAL_TIMESTAMP : TIMESTAMP;
        Object clientValue = message.get(clientField);
        OffsetDateTime client = parse(clientValue, clientField, window, errors);
        Object sentValue = message.get(SENT_AT) != null ? message.get(SENT_AT) : batchSentAt;
        OffsetDateTime sent = parse(sentValue, SENT_AT, window, errors);
        Instant instant = client == null ? receivedAt
                : sent == null ? client.toInstant()
                : receivedAt.minus(Duration.between(client.toInstant(), sent.toInstant()));
        boolean clamped = bounds.isTooFarAhead(instant, receivedAt);
        return new SegmentTime(clamped ? receivedAt : instant, client == null ? null : client.getOffset().getId(),
                clamped, client == null ? null : clientValue.toString().trim());
    }

    private static OffsetDateTime parse(Object value, String field, PayloadBounds window, List<FieldError> errors) {
        OffsetDateTime time = parse(value, field, errors);
        if (time != null && window.timeError(time.toInstant()) != null) {
            errors.add(new FieldError(field, window.windowMessage()));
            return null;
        }
        return time;
    }

    private static OffsetDateTime parse(Object value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            try {
                return OffsetDateTime.parse(text.trim());
            } catch (DateTimeParseException notOffset) {
                try {
                    return ZonedDateTime.parse(text.trim()).toOffsetDateTime();
                } catch (DateTimeParseException notZoned) {
                    // reported below
                }
            }
        }
        errors.add(new FieldError(field,
                "must be an ISO-8601 date-time with a time zone (e.g. 2024-09-02T12:34:56.000Z)"));
        return null;
    }
}
