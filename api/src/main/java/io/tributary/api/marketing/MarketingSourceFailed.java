package io.tributary.api.marketing;

import java.time.Instant;

/** The source is in error until its credentials are replaced or a manual sync succeeds. */
public record MarketingSourceFailed(String marketingSourceId, String syncId, String message, Instant at)
        implements MarketingSourceEvent {
}
