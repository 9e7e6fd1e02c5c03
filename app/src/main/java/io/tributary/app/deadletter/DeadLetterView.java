package io.tributary.app.deadletter;

import java.time.Instant;

/**
 * One event a read model set aside.
 *
 * @param id              opaque, for retry and evict
 * @param processingGroup the read model's processing group
 * @param attempts        how many times handling it failed
 */
public record DeadLetterView(String id, String processingGroup, Event event, Error error, int attempts,
                             Instant enqueuedAt, Instant lastTouchedAt) {

    /** @param recordId the tracked record the event is about, when the event names one */
    public record Event(String type, String id, String recordId) {
    }

    public record Error(String type, String message) {
    }
}
