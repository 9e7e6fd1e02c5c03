package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pull the days {@code from}..{@code to} (inclusive). Answered with a {@link SyncRequestOutcome}. */
public record StartMarketingSync(@TargetAggregateIdentifier String marketingSourceId, String syncId, LocalDate from,
                                 LocalDate to, SyncTrigger trigger, Instant at) implements MarketingSourceCommand {
}
