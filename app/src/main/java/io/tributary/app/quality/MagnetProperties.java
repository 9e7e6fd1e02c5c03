package io.tributary.app.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Merge-magnet detection ({@code tributary.identity.magnets.*}).
 *
 * @param maxProfilesPerValue    a value linked or tried by more profiles than this within the window is a magnet (N, 10)
 * @param maxLimitHits           a profile that hits an alias limit more often than this within the window is one (M, 5)
 * @param maxUsersPerAnonymousId an anonymous id seen with more user ids than this within the window is one (3)
 * @param window                 how far back from now they count (7 days)
 */
@ConfigurationProperties("tributary.identity.magnets")
public record MagnetProperties(Integer maxProfilesPerValue, Integer maxLimitHits, Integer maxUsersPerAnonymousId,
                               Duration window) {

    public MagnetProperties {
        maxProfilesPerValue = maxProfilesPerValue == null ? 10 : maxProfilesPerValue;
        maxLimitHits = maxLimitHits == null ? 5 : maxLimitHits;
        maxUsersPerAnonymousId = maxUsersPerAnonymousId == null ? 3 : maxUsersPerAnonymousId;
        window = window == null ? Duration.ofDays(7) : window;
    }
}
