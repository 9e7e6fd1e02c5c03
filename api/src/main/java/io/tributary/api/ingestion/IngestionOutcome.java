package io.tributary.api.ingestion;

public record IngestionOutcome(String recordId, String eventId, IngestionStatus status, String profileId,
                               String sessionId) {
}
