package io.tributary.api.source;

import java.time.Instant;

public record SourceTokenRotated(String sourceId, String previousToken, String token, Instant at) implements SourceEvent {
}
