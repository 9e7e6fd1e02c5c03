package io.tributary.api.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of one ad, as the platform reported it (its own attribution for conversions). Money is exact, in the
 * account currency; {@code date} is in the ad account's time zone.
 */
public record MetricRow(LocalDate date, AdPlatform platform, String accountId, String campaignId, String campaignName,
                        String adSetId, String adSetName, String adId, String adName, BigDecimal spend,
                        long impressions, long clicks, BigDecimal platformConversions,
                        BigDecimal platformConversionValue, String currency) {
}
