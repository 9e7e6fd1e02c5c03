package io.tributary.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LiftQuarantine(@TargetAggregateIdentifier String alias, String reason, String operator) {
}
