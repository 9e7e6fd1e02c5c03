package io.tributary.api.source;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param retentionMonths how long the source's tracked events are kept, in months; null keeps them for ever */
public record SetSourceRetention(@TargetAggregateIdentifier String sourceId, Integer retentionMonths, Instant at)
        implements SourceCommand {
}
