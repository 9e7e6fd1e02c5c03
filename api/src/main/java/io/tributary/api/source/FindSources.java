package io.tributary.api.source;

public record FindSources() {
}
