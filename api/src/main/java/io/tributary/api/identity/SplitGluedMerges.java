package io.tributary.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Undo every merge a normalised alias urn glued, as a quarantine with {@code split} does, without quarantining it:
 * the identity rules in force block it already. {@code rule} is the split's rule ({@code blocked_value}).
 */
public record SplitGluedMerges(@TargetAggregateIdentifier String alias, String rule, String reason, String operator) {
}
