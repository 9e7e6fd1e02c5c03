package io.tributary.query.attribution;

import io.tributary.api.marketing.AdPlatform;

/**
 * Where a first-party fact or an ad-platform row lands: its channel, and its campaign, ad set and ad, either
 * matched to an ad-platform entity (id set, platform name) or as the raw first-party value (id null).
 */
public record ReportDims(String channelGroup, String channel, AdPlatform platform, String campaign, String campaignId,
                         String adSet, String adSetId, String ad, String adId) {
}
