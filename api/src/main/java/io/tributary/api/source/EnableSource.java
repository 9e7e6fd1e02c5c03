package io.tributary.api.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnableSource(@TargetAggregateIdentifier String sourceId, Instant at) implements SourceCommand {
}
