package io.tributary.api.session;

import java.time.Instant;

public record SessionStarted(String sessionId, String profileId, String recordId, Instant startedAt,
                             String channelGroup, String channel, String campaign, String adSet, String ad,
                             String landingUrl, String referrer) {
}
