package io.tributary.api.session;

import java.time.Instant;

/**
 * @param rulesVersion the channel rules' version that classified the session; 0 in events older than the field
 * @param sourceId     the source of the tracked event that started it, whose retention covers its landing URL and
 *                     referrer; null in events older than the field
 */
public record SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt,
                             String channelGroup, String channel, String campaign, String adSet, String ad,
                             String landingUrl, String referrer, long rulesVersion, String sourceId) {

    /** Classified by the built-in channel rules alone (version 0). */
    public SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt, String channelGroup,
                          String channel, String campaign, String adSet, String ad, String landingUrl,
                          String referrer) {
        this(sessionId, profileId, recordId, startedAt, channelGroup, channel, campaign, adSet, ad, landingUrl,
                referrer, 0);
    }

    public SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt, String channelGroup,
                          String channel, String campaign, String adSet, String ad, String landingUrl,
                          String referrer, long rulesVersion) {
        this(sessionId, profileId, recordId, startedAt, channelGroup, channel, campaign, adSet, ad, landingUrl,
                referrer, rulesVersion, null);
    }
}
