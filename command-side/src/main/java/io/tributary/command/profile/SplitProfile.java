package io.tributary.command.profile;

import io.tributary.api.profile.Evidence;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Undo the merge of {@code splitProfileId} into this profile, moving back what the {@link SplitPlan} found. */
record SplitProfile(@TargetAggregateIdentifier String profileId, String splitProfileId, SplitPlan plan, String rule,
                    String operator, String reason, Evidence evidence) implements ProfileCommand {
}
