package io.tributary.api.profile;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an alias was not used for stitching, and why (a junk value, a limit, another owner). */
public record BlockAlias(@TargetAggregateIdentifier String profileId, String alias, String rule, Evidence evidence)
        implements ProfileCommand {
}
