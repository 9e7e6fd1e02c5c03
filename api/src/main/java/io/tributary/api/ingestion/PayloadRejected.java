package io.tributary.api.ingestion;

import java.time.Instant;
import java.util.List;

/**
 * A payload that could not be accepted, kept in full with all its reasons.
 *
 * @param deliveryId the store's webhook delivery id, or null (added later: null in older events)
 */
public record PayloadRejected(String sourceId, String recordId, Instant receivedAt, String payload,
                              String eventName, String eventId, List<FieldError> errors, String deliveryId) {

    public PayloadRejected(String sourceId, String recordId, Instant receivedAt, String payload, String eventName,
                           String eventId, List<FieldError> errors) {
        this(sourceId, recordId, receivedAt, payload, eventName, eventId, errors, null);
    }
}
