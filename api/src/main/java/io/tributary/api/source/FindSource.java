package io.tributary.api.source;

public record FindSource(String sourceId) {
}
