package io.tributary.api.profile;

import java.util.List;

/**
 * A merge that would have broken a limit did not happen; {@code rule} names the limit. {@code rulesVersion}: the
 * identity rules' version it was decided under; 0 in events older than the field. {@code operator} and
 * {@code reason} are set when the refused merge was asked for by hand, null for automatic ones.
 */
public record MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                           Evidence evidence, long rulesVersion, String operator, String reason) {

    /** An automatic refusal recorded before rules were versioned. */
    public MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                        Evidence evidence) {
        this(profileId, otherProfileId, sharedAliases, rule, evidence, 0, null, null);
    }

    /** An automatic refusal, decided by stitching under a rules version. */
    public MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                        Evidence evidence, long rulesVersion) {
        this(profileId, otherProfileId, sharedAliases, rule, evidence, rulesVersion, null, null);
    }

    /** A refusal of a merge asked for by hand. */
    public MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                        Evidence evidence, String operator, String reason) {
        this(profileId, otherProfileId, sharedAliases, rule, evidence, 0, operator, reason);
    }
}
