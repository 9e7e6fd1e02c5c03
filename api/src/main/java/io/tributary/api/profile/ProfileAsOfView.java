package io.tributary.api.profile;

import java.time.Instant;
import java.util.List;

/**
 * A profile as the decisions stood at {@code asOf}: the profile its id resolved to then, the aliases it owned and
 * the profiles merged into it, with the decisions taken up to then.
 */
public record ProfileAsOfView(String profileId, Instant asOf, List<String> aliases, List<String> mergedProfileIds,
                              List<IdentityDecisionView> decisions) {
}
