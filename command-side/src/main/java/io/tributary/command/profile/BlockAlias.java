package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that an alias was not used for stitching, and why (a junk value, a limit, another owner). */
record BlockAlias(@TargetAggregateIdentifier String profileId, String alias, String rule, Evidence evidence)
        implements ProfileCommand {
}
