package io.tributary.api.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code status} is accepted, duplicate or rejected; {@code reasons} says why for the last two. */
public record EventLogItem(String recordId, String eventId, String eventName, String sourceId, String status,
                           List<String> reasons, String profileId, String sessionId, Instant timestamp,
                           Instant receivedAt, Map<String, Object> properties, Map<String, Object> profileProperties,
                           List<String> aliases, String payload) {
}
