package io.tributary.api.eventlog;

import java.time.Instant;

/**
 * A page of the event log, newest first. Every filter may be null. {@code cursor} is the opaque
 * {@code nextCursor} of the previous page; {@code limit} null means all (the CSV export).
 *
 * @param eventId the tracked event's own id
 * @param alias   a normalised alias ({@code urn:<type>:<value>}): the entries whose event carried it
 */
public record FindEvents(String sourceId, String eventName, String profileId, String status, Instant from,
                         Instant to, Integer limit, String cursor, String eventId, String alias) {

    /** Without the event id and alias filters. */
    public FindEvents(String sourceId, String eventName, String profileId, String status, Instant from, Instant to,
                      Integer limit, String cursor) {
        this(sourceId, eventName, profileId, status, from, to, limit, cursor, null, null);
    }
}
