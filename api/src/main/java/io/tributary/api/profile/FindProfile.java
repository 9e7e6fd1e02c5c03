package io.tributary.api.profile;

/** Resolves merged-away ids to the survivor. */
public record FindProfile(String profileId) {
}
