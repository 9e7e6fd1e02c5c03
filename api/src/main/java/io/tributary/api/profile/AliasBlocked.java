package io.tributary.api.profile;

public record AliasBlocked(String profileId, String alias, String rule, Evidence evidence) {
}
