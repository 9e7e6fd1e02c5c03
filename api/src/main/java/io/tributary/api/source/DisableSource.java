package io.tributary.api.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisableSource(@TargetAggregateIdentifier String sourceId, Instant at) implements SourceCommand {
}
