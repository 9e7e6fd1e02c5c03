package io.tributary.api.profile;

import java.time.Instant;

/**
 * A person was erased: when and why, and nothing about them. The profile's data key is deleted right after, so
 * the personal fields of its events read as {@code [erased]} from then on; counts and money stay.
 *
 * @param survivorProfileId the profile the erasure was asked for (this one, or the one it was merged into)
 */
public record ProfileErased(String profileId, String survivorProfileId, Instant erasedAt, String reason) {
}
