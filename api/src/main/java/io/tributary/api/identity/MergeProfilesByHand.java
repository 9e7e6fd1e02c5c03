package io.tributary.api.identity;

/**
 * Merge {@code otherProfileId} into {@code profileId}, under the same limits as automatic merges. Answers an
 * {@link IdentityOperationOutcome}.
 */
public record MergeProfilesByHand(String profileId, String otherProfileId, String reason, String operator) {
}
