package io.tributary.api.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Restate a session's channel under newer channel rules (an applied dry-run). Nothing is recorded when the
 * classification is the one the session already has.
 */
public record ReclassifySession(@TargetAggregateIdentifier String sessionId, TrafficSource trafficSource)
        implements SessionCommand {
}
