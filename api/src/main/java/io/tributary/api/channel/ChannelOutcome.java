package io.tributary.api.channel;

/**
 * What a matching {@link ChannelRule} classifies a landing as.
 *
 * @param campaign optional; when absent the landing's own campaign (cvg_cid, else utm_campaign) is kept
 */
public record ChannelOutcome(String channelGroup, String channel, String campaign) {
}
