package io.tributary.api.identity;

import java.time.Instant;

/** Every identity decision of every profile in handling order, optionally within [from, to) of decision time. */
public record FindIdentityDecisions(Instant from, Instant to) {
}
