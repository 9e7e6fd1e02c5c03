package io.tributary.api.ingestion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer action as a source reported it (a page load, an order …), already validated and normalised.
 * Not to be confused with a domain event: this is the payload that domain events are about.
 *
 * @param timestamp       the event time, a UTC instant
 * @param timestampOffset the zone offset the client gave (for example {@code +02:00}), or null
 * @param flags           quality flags raised at the edge, for example {@code timestamp_clamped}
 */
public record TrackedEvent(String eventName, String eventId, Map<String, Object> properties,
                           Map<String, Object> profileProperties, List<String> aliases, Instant timestamp,
                           String timestampOffset, List<String> flags) {

    public static final String PLACED_ORDER = "Placed Order";
    public static final String TIMESTAMP_CLAMPED = "timestamp_clamped";
}
