package io.tributary.api.source;

import java.time.Instant;
import java.util.List;

public record SourceView(String id, String name, SourceType type, String token, String status,
                         List<String> allowedOrigins, Instant createdAt, Instant lastSeenAt,
                         long acceptedCount, long duplicateCount, long rejectedCount) {
}
