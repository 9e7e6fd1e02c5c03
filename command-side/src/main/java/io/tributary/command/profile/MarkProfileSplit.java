package io.tributary.command.profile;

import io.tributary.api.profile.ProfileSplit;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The other side of a split: this profile resolves to itself again and takes back what moved. */
record MarkProfileSplit(@TargetAggregateIdentifier String profileId, ProfileSplit survivorSide)
        implements ProfileCommand {
}
