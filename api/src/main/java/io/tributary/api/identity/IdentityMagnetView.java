package io.tributary.api.identity;

import java.time.Instant;

/**
 * One merge magnet. {@code kind}: {@code shared_value} (an alias many profiles linked or tried), {@code limit_hits}
 * (a profile that kept hitting an alias limit) or {@code shared_anonymous_id} (one anonymous id, many user ids).
 * {@code subject} is the alias, or the profile id for {@code limit_hits}; {@code count} how many profiles, hits or
 * user ids in the window; {@code lastAt} the latest of them.
 */
public record IdentityMagnetView(String kind, String subject, long count, Instant lastAt) {
}
