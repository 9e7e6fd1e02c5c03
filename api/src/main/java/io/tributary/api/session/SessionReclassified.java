package io.tributary.api.session;

import java.time.Instant;

/**
 * A session's channel restated under newer channel rules (an applied dry-run): from now on it counts as this
 * channel group, channel, campaign, ad set and ad. The {@code previous…} fields say what it counted as before.
 */
public record SessionReclassified(String sessionId, String profileId, Instant startedAt,
                                  String previousChannelGroup, String previousChannel, String previousCampaign,
                                  String previousAdSet, String previousAd, String channelGroup, String channel,
                                  String campaign, String adSet, String ad, long rulesVersion) {
}
