package io.tributary.api.source;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param months the expired months ({@code yyyy-MM}, UTC) whose keys the sweep is about to delete */
public record ApplyRetention(@TargetAggregateIdentifier String sourceId, List<String> months, long trackedEvents,
                             long rejectedPayloads, Instant at) implements SourceCommand {
}
