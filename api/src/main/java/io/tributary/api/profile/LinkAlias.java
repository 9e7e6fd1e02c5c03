package io.tributary.api.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LinkAlias(@TargetAggregateIdentifier String profileId, String alias, Evidence evidence)
        implements ProfileCommand {
}
