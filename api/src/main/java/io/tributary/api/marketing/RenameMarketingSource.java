package io.tributary.api.marketing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameMarketingSource(@TargetAggregateIdentifier String marketingSourceId, String name, Instant at)
        implements MarketingSourceCommand {
}
