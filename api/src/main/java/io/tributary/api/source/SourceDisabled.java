package io.tributary.api.source;

import java.time.Instant;

public record SourceDisabled(String sourceId, Instant at) implements SourceEvent {
}
