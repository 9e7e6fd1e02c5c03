package io.tributary.api.source;

import java.time.Instant;

public record SourceEnabled(String sourceId, Instant at) implements SourceEvent {
}
