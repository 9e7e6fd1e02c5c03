package io.tributary.api.eventlog;

/** One entry of the event log by its record id; answered with an {@link EventLogItem}, or null when unknown. */
public record FindEventLogEntry(String recordId) {
}
