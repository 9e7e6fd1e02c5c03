package io.tributary.api.ingestion;

public record FieldError(String field, String message) {
}
