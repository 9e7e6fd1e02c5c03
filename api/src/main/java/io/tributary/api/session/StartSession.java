package io.tributary.api.session;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartSession(@TargetAggregateIdentifier String sessionId, String profileId, String recordId,
                           Instant startedAt, TrafficSource trafficSource) implements SessionCommand {
}
