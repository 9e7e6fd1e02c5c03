package io.tributary.api.identity;

import java.time.Instant;

public record QuarantinedAliasView(String alias, String reason, String operator, Instant at) {
}
