package io.tributary.api.identity;

import java.time.Instant;

/**
 * Merge magnets seen in the window that ends at {@code asOf}: a value linked or tried by more than
 * {@code maxProfilesPerValue} profiles, a profile that hit an alias limit more than {@code maxLimitHits} times, an
 * anonymous id seen with more than {@code maxUsersPerAnonymousId} user ids.
 */
public record FindIdentityMagnets(Instant from, Instant asOf, int maxProfilesPerValue, int maxLimitHits,
                                  int maxUsersPerAnonymousId) {
}
