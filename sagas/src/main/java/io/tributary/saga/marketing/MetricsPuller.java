package io.tributary.saga.marketing;

import io.tributary.api.marketing.AdPlatform;
import java.time.LocalDate;

/** Pulls metric rows from an ad platform, one page at a time (implemented by the connectors in app). */
public interface MetricsPuller {

    /** The longest range, in days, one request may cover on this platform. */
    int maxDaysPerRequest(AdPlatform platform);

    /**
     * One page of the daily rows of {@code from}..{@code to} (inclusive).
     *
     * @param cursor null for the first page, then the previous page's {@link PulledPage#nextCursor()}
     * @throws PullFailure when the platform refuses or cannot answer now
     */
    PulledPage pull(String marketingSourceId, AdPlatform platform, LocalDate from, LocalDate to, String cursor);
}
