package io.tributary.api.profile;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other side of a merge: this profile now resolves to the survivor. */
public record MarkProfileMerged(@TargetAggregateIdentifier String profileId, String survivorProfileId,
                                List<String> sharedAliases, Evidence evidence) implements ProfileCommand {
}
