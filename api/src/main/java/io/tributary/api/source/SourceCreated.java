package io.tributary.api.source;

import java.time.Instant;
import java.util.List;

public record SourceCreated(String sourceId, String name, SourceType type, String token, List<String> allowedOrigins,
                            Instant at) implements SourceEvent {
}
