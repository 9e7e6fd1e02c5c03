package io.tributary.api.profile;

public record AliasLinked(String profileId, String alias, String rule, Evidence evidence) {
}
