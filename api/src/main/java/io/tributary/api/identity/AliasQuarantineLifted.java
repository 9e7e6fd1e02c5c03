package io.tributary.api.identity;

import java.time.Instant;

/** The alias stitches again from {@code at} on (what it was blocked for meanwhile stays as decided). */
public record AliasQuarantineLifted(String alias, String reason, String operator, Instant at) {
}
