package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a profile for aliases that no profile owns. Limits apply: aliases past a limit are blocked. */
record CreateProfile(@TargetAggregateIdentifier String profileId, List<String> aliases, Evidence evidence)
        implements ProfileCommand {
}
