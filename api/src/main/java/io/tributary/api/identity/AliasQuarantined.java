package io.tributary.api.identity;

import java.time.Instant;

/** From {@code at} on, the alias stitches nothing: it is treated as a blocked value. */
public record AliasQuarantined(String alias, String reason, String operator, Instant at, boolean split) {
}
