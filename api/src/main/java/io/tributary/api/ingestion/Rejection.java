package io.tributary.api.ingestion;

import java.time.Instant;
import java.util.List;

/**
 * A payload that was valid JSON but not a valid tracked event: kept, with every reason, never dropped.
 *
 * @param deliveryId the store's webhook delivery id, or null: a delivery rejected before is not kept twice
 */
public record Rejection(String recordId, String sourceId, Instant receivedAt, String payload, String eventName,
                        String eventId, List<FieldError> errors, String deliveryId) {

    public Rejection(String recordId, String sourceId, Instant receivedAt, String payload, String eventName,
                     String eventId, List<FieldError> errors) {
        this(recordId, sourceId, receivedAt, payload, eventName, eventId, errors, null);
    }
}
