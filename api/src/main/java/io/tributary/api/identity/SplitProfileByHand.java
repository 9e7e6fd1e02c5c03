package io.tributary.api.identity;

import java.util.List;

/**
 * Undo merges into {@code profileId}: the one of {@code mergedProfileId}, or every one that brought one of
 * {@code aliases}. Answers an {@link IdentityOperationOutcome}.
 */
public record SplitProfileByHand(String profileId, String mergedProfileId, List<String> aliases, String reason,
                                 String operator) {
}
