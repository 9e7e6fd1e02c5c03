package io.tributary.api.profile;

import java.util.List;

/**
 * A merge that would have broken a limit did not happen; {@code rule} names the limit. {@code rulesVersion}: the
 * identity rules' version it was decided under; 0 in events older than the field.
 */
public record MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                           Evidence evidence, long rulesVersion) {

    public MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                        Evidence evidence) {
        this(profileId, otherProfileId, sharedAliases, rule, evidence, 0);
    }
}
