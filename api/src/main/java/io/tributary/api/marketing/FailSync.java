package io.tributary.api.marketing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param fatal the platform refused for good (bad credentials, missing permission); an operator must act */
public record FailSync(@TargetAggregateIdentifier String marketingSourceId, String syncId, String message,
                       boolean fatal, Instant at) implements MarketingSourceCommand {
}
