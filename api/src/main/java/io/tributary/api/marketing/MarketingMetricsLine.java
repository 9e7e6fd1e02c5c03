package io.tributary.api.marketing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One group of the metrics report. Only the fields of the grouping are set (a campaign line has platform,
 * campaign id and name); lines never mix currencies.
 *
 * @param ctr clicks / impressions, 6 decimals; null when there were no impressions
 * @param cpc spend / clicks, 4 decimals; null when there were no clicks
 */
public record MarketingMetricsLine(LocalDate date, AdPlatform platform, String campaignId, String campaignName,
                                   String adSetId, String adSetName, String adId, String adName, String currency,
                                   BigDecimal spend, long impressions, long clicks, BigDecimal platformConversions,
                                   BigDecimal platformConversionValue, BigDecimal ctr, BigDecimal cpc) {
}
