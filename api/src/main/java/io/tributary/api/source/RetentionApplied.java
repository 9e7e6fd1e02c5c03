package io.tributary.api.source;

import java.time.Instant;
import java.util.List;

/**
 * The retention sweep shredded months of the source's tracked events: the keys that sealed their personal content
 * ({@code yyyy-MM}, UTC, by event time; rejected payloads by receipt time) are deleted right after this is stored.
 * Counts, money and structure of those events stay.
 *
 * @param retentionMonths  the retention in force
 * @param trackedEvents    tracked events of those months known to the event log when the sweep ran
 * @param rejectedPayloads rejected payloads of those months known to the event log when the sweep ran
 */
public record RetentionApplied(String sourceId, int retentionMonths, List<String> months, long trackedEvents,
                               long rejectedPayloads, Instant at) implements SourceEvent {
}
