package io.tributary.api.source;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameSource(@TargetAggregateIdentifier String sourceId, String name) implements SourceCommand {
}
