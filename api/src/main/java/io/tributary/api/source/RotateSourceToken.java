package io.tributary.api.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateSourceToken(@TargetAggregateIdentifier String sourceId, String token, Instant at) implements SourceCommand {
}
