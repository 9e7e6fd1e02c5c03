package io.tributary.api.ingestion;

import java.time.Instant;
import java.util.List;

/** A payload that was valid JSON but not a valid tracked event: kept, with every reason, never dropped. */
public record Rejection(String recordId, String sourceId, Instant receivedAt, String payload, String eventName,
                        String eventId, List<FieldError> errors) {
}
