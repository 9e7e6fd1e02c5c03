package io.tributary.api.source;

public record SourceRenamed(String sourceId, String name) implements SourceEvent {
}
