package io.tributary.api.identity;

import java.util.List;

/**
 * What an identity operation did.
 *
 * @param outcome    {@code merged}, {@code merge_blocked}, {@code split}, {@code quarantined}, {@code lifted}
 * @param profileId  the profile acted on (the survivor of a merge)
 * @param others     the other profiles concerned: merged in, or split out
 * @param rule       the rule that refused a merge, or null
 * @param movedRecords how many tracked events were re-decided to another profile
 */
public record IdentityOperationOutcome(String outcome, String profileId, List<String> others, String rule,
                                       int movedRecords) {
}
