package io.tributary.api.identity;

import java.time.Instant;
import java.util.List;

/**
 * One row of the merge stream: {@code decision} is profile_created, alias_linked, profiles_merged, merge_blocked or
 * profile_split; {@code profileId} is the survivor (or the profile created or linked to), {@code otherProfileId} the
 * merged, refused or split profile. {@code seq} orders the rows as they were decided.
 */
public record IdentityDecisionRow(long seq, Instant at, String decision, String profileId, String otherProfileId,
                                  String eventId, List<String> aliases, String rule) {
}
