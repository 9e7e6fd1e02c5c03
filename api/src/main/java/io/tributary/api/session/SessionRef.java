package io.tributary.api.session;

import java.time.Instant;

/** What a profile knows of one of its sessions. */
public record SessionRef(String sessionId, Instant startedAt, Instant lastActivityAt, String trafficKey) {
}
