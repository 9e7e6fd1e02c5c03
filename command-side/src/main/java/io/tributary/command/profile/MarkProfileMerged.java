package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other side of a merge: this profile now resolves to the survivor. */
record MarkProfileMerged(@TargetAggregateIdentifier String profileId, String survivorProfileId,
                                List<String> sharedAliases, Evidence evidence, String rule, String operator,
                         String reason) implements ProfileCommand {
}
