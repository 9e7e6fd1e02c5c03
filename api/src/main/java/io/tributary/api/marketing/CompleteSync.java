package io.tributary.api.marketing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteSync(@TargetAggregateIdentifier String marketingSourceId, String syncId, Instant at)
        implements MarketingSourceCommand {
}
