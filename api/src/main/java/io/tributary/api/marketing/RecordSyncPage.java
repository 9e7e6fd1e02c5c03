package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSyncPage(@TargetAggregateIdentifier String marketingSourceId, String syncId, LocalDate from,
                             LocalDate to, int page, int rowCount, Instant at) implements MarketingSourceCommand {
}
