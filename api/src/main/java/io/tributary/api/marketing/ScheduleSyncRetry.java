package io.tributary.api.marketing;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleSyncRetry(@TargetAggregateIdentifier String marketingSourceId, String syncId, int attempt,
                                Instant retryAt, String reason, Instant at) implements MarketingSourceCommand {
}
