package io.tributary.api.session;

/**
 * A session's channel restated under newer channel rules: from now on it counts as this channel group, channel
 * and campaign. The {@code previous…} fields say what it counted as before.
 */
public record SessionReclassified(String sessionId, String profileId, String previousChannelGroup,
                                  String previousChannel, String previousCampaign, String channelGroup,
                                  String channel, String campaign, String adSet, String ad, long rulesVersion) {
}
