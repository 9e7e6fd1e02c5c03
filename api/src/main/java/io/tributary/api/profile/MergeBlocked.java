package io.tributary.api.profile;

import java.util.List;

/** A merge that would have broken a limit did not happen; {@code rule} names the limit. */
public record MergeBlocked(String profileId, String otherProfileId, List<String> sharedAliases, String rule,
                           Evidence evidence) {
}
