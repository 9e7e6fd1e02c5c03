package io.tributary.api.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Everything a platform reported for the days {@code from}..{@code to}: every day of the range is complete, so a
 * day without rows that had rows before is restated as empty.
 */
public record RecordMetricDays(@TargetAggregateIdentifier String marketingSourceId, String syncId, LocalDate from,
                               LocalDate to, List<MetricRow> rows, Instant at) implements MarketingSourceCommand {
}
