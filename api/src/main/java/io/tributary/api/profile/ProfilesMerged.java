package io.tributary.api.profile;

import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;

/**
 * Two profiles became one. Recorded on both: {@code profileId} is the side this event belongs to.
 * On the survivor's side it carries what moved over; on the merged side those lists are empty. {@code rulesVersion}:
 * the identity rules' version it was decided under; 0 in events older than the field.
 */
public record ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                             List<String> sharedAliases, List<String> mergedAliases,
                             Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions,
                             String rule, Evidence evidence, long rulesVersion) {

    public ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                          List<String> sharedAliases, List<String> mergedAliases,
                          Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions, String rule,
                          Evidence evidence) {
        this(profileId, survivorProfileId, mergedProfileId, sharedAliases, mergedAliases, mergedProperties,
                mergedSessions, rule, evidence, 0);
    }

    public boolean isSurvivorSide() {
        return profileId.equals(survivorProfileId);
    }
}
