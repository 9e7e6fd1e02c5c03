package io.tributary.api.ingestion;

import java.time.Instant;
import java.util.List;

/** A payload that could not be accepted, kept in full with all its reasons. */
public record PayloadRejected(String sourceId, String recordId, Instant receivedAt, String payload,
                              String eventName, String eventId, List<FieldError> errors) {
}
