package io.tributary.api.session;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param sourceId the source of the tracked event that starts the session (null when not known) */
public record StartSession(@TargetAggregateIdentifier String sessionId, String profileId, String recordId,
                           Instant startedAt, TrafficSource trafficSource, String sourceId) implements SessionCommand {

    public StartSession(String sessionId, String profileId, String recordId, Instant startedAt,
                        TrafficSource trafficSource) {
        this(sessionId, profileId, recordId, startedAt, trafficSource, null);
    }
}
