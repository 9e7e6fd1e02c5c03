package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/** One tracked event as received: from which source, when, and with which server-assigned record id. */
public record Intake(String recordId, String sourceId, SourceType sourceType, Instant receivedAt, TrackedEvent event) {
}
