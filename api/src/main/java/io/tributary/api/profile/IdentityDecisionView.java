package io.tributary.api.profile;

import java.time.Instant;
import java.util.List;

/** One entry of a profile's audit trail. {@code decision} is profile_created, alias_linked, alias_blocked,
 * profiles_merged, merged_into or merge_blocked. */
public record IdentityDecisionView(Instant at, String decision, String eventId, List<String> aliases,
                                   String otherProfileId, String rule) {
}
