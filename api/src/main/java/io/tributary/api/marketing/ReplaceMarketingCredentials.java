package io.tributary.api.marketing;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReplaceMarketingCredentials(@TargetAggregateIdentifier String marketingSourceId,
                                          Map<String, String> maskedCredentials, Instant at)
        implements MarketingSourceCommand {
}
