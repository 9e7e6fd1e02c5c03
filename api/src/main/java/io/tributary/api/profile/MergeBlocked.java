package io.tributary.api.profile;

import java.util.List;

/**
 * A merge that would have broken a limit did not happen; {@code rule} names the limit. {@code operator} and
 * {@code reason} are set when the refused merge was asked for by hand, null for automatic ones.
 */
public record MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                           Evidence evidence, String operator, String reason) {

    /** An automatic merge that stitching could not make. */
    public MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                        Evidence evidence) {
        this(profileId, otherProfileId, sharedAliases, rule, evidence, null, null);
    }
}
