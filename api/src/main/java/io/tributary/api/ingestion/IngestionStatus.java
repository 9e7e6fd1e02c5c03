package io.tributary.api.ingestion;

public enum IngestionStatus {
    ACCEPTED, DUPLICATE, REJECTED;

    public String wireName() {
        return name().toLowerCase();
    }
}
