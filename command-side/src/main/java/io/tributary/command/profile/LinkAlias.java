package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record LinkAlias(@TargetAggregateIdentifier String profileId, String alias, Evidence evidence)
        implements ProfileCommand {
}
