package io.tributary.api.source;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateSource(@TargetAggregateIdentifier String sourceId, String name, SourceType type, String token,
                           List<String> allowedOrigins, Instant at) implements SourceCommand {
}
