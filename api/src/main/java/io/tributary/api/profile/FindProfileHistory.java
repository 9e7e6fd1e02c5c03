package io.tributary.api.profile;

public record FindProfileHistory(String profileId) {
}
