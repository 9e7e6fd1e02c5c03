package io.tributary.api.session;

import java.time.Instant;

public record SessionView(String sessionId, String profileId, Instant startedAt, Instant lastActivityAt,
                          String channelGroup, String channel, String campaign, String adSet, String ad,
                          String landingUrl, String referrer, long eventCount) {
}
