package io.tributary.api.profile;

import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;

/**
 * Two profiles became one. Recorded on both: {@code profileId} is the side this event belongs to.
 * On the survivor's side it carries what moved over; on the merged side those lists are empty. {@code rulesVersion}:
 * the identity rules' version it was decided under; 0 in events older than the field. {@code operator} and
 * {@code reason} are set for a manual merge (rule {@code manual}), null for automatic ones.
 */
public record ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                             List<String> sharedAliases, List<String> mergedAliases,
                             Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions,
                             String rule, Evidence evidence, long rulesVersion, String operator, String reason) {

    /** An automatic merge recorded before rules were versioned. */
    public ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                          List<String> sharedAliases, List<String> mergedAliases,
                          Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions, String rule,
                          Evidence evidence) {
        this(profileId, survivorProfileId, mergedProfileId, sharedAliases, mergedAliases, mergedProperties,
                mergedSessions, rule, evidence, 0, null, null);
    }

    /** An automatic merge, decided by stitching under a rules version. */
    public ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                          List<String> sharedAliases, List<String> mergedAliases,
                          Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions, String rule,
                          Evidence evidence, long rulesVersion) {
        this(profileId, survivorProfileId, mergedProfileId, sharedAliases, mergedAliases, mergedProperties,
                mergedSessions, rule, evidence, rulesVersion, null, null);
    }

    /** A merge asked for by an operator. */
    public ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                          List<String> sharedAliases, List<String> mergedAliases,
                          Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions, String rule,
                          Evidence evidence, String operator, String reason) {
        this(profileId, survivorProfileId, mergedProfileId, sharedAliases, mergedAliases, mergedProperties,
                mergedSessions, rule, evidence, 0, operator, reason);
    }

    public boolean isSurvivorSide() {
        return profileId.equals(survivorProfileId);
    }
}
