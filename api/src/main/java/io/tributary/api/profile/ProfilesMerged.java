package io.tributary.api.profile;

import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;

/**
 * Two profiles became one. Recorded on both: {@code profileId} is the side this event belongs to.
 * On the survivor's side it carries what moved over; on the merged side those lists are empty.
 */
public record ProfilesMerged(String profileId, String survivorProfileId, String mergedProfileId,
                             List<String> sharedAliases, List<String> mergedAliases,
                             Map<String, PropertyValue> mergedProperties, List<SessionRef> mergedSessions,
                             String rule, Evidence evidence) {

    public boolean isSurvivorSide() {
        return profileId.equals(survivorProfileId);
    }
}
