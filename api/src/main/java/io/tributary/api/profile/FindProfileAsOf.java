package io.tributary.api.profile;

import java.time.Instant;

/** The profile as the identity decisions stood at {@code asOf} (decision time). */
public record FindProfileAsOf(String profileId, Instant asOf) {
}
