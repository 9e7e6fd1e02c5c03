package io.tributary.api.marketing;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rows from a CSV file: each day present in the file replaces that day's rows; days absent from the file are
 * left alone. Lines that could not be read are kept with their errors. Answered with the number of changed days.
 */
public record ImportMetricRows(@TargetAggregateIdentifier String marketingSourceId, String importId,
                               List<MetricRow> rows, List<LineError> rejectedLines, Instant at)
        implements MarketingSourceCommand {
}
