package io.tributary.api.eventlog;

import java.time.Instant;

/**
 * A page of the event log, newest first. Every filter may be null. {@code cursor} is the opaque
 * {@code nextCursor} of the previous page; {@code limit} null means all (the CSV export).
 */
public record FindEvents(String sourceId, String eventName, String profileId, String status, Instant from,
                         Instant to, Integer limit, String cursor) {
}
