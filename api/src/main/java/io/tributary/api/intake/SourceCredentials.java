package io.tributary.api.intake;

import io.tributary.api.source.SourceType;
import java.util.List;

/** What the intake needs to know about the source behind a token. */
public record SourceCredentials(String sourceId, SourceType type, boolean enabled, List<String> allowedOrigins) {
}
