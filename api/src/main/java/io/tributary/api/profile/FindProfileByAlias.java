package io.tributary.api.profile;

public record FindProfileByAlias(String alias) {
}
