package io.tributary.api.session;

import java.time.Instant;

/** @param rulesVersion the channel rules' version that classified the session; 0 in events older than the field */
public record SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt,
                             String channelGroup, String channel, String campaign, String adSet, String ad,
                             String landingUrl, String referrer, long rulesVersion) {

    /** Classified by the built-in channel rules alone (version 0). */
    public SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt, String channelGroup,
                          String channel, String campaign, String adSet, String ad, String landingUrl,
                          String referrer) {
        this(sessionId, profileId, recordId, startedAt, channelGroup, channel, campaign, adSet, ad, landingUrl,
                referrer, 0);
    }
}
