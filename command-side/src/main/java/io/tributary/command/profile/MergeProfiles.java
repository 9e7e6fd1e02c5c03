package io.tributary.command.profile;

import io.tributary.api.profile.PropertyValue;
import io.tributary.api.profile.Evidence;
import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Absorb another profile into this one (the survivor). Carries what the survivor takes over.
 *
 * @param sharedAliases the aliases of the tracked event that matched both profiles: the evidence
 * @param operator      who asked for a merge by hand (null for stitching's own merges)
 */
record MergeProfiles(@TargetAggregateIdentifier String profileId, String mergedProfileId,
                            List<String> sharedAliases, List<String> mergedAliases,
                            Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions,
                            Evidence evidence, String operator, String reason) implements ProfileCommand {

    /** A merge decided by stitching. */
    MergeProfiles(String profileId, String mergedProfileId, List<String> sharedAliases, List<String> mergedAliases,
                  Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions, Evidence evidence) {
        this(profileId, mergedProfileId, sharedAliases, mergedAliases, mergedProperties, mergedSessions, evidence,
                null, null);
    }

    boolean byHand() {
        return operator != null;
    }
}
