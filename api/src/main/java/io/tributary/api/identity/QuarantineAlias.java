package io.tributary.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Treat a normalised alias urn as a blocked value; with {@code split}, undo every merge it caused. */
public record QuarantineAlias(@TargetAggregateIdentifier String alias, String reason, String operator,
                              boolean split) {
}
