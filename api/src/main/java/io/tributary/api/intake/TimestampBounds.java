package io.tributary.api.intake;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How far ahead of its receive time a tracked event's time may be. Further ahead, it is clamped to the receive
 * time and flagged {@code timestamp_clamped}. The one rule every adapter applies at the edge.
 *
 * @param futureTolerance {@code tributary.intake.future-tolerance}, 23 hours by default
 */
public record TimestampBounds(Duration futureTolerance) {

    public boolean isTooFarAhead(Instant eventTime, Instant receivedAt) {
        return eventTime.isAfter(receivedAt.plus(futureTolerance));
    }

    /** The event time, or the receive time when it is too far ahead. */
    public Instant bounded(Instant eventTime, Instant receivedAt) {
        return isTooFarAhead(eventTime, receivedAt) ? receivedAt : eventTime;
    }

    /** The tracked event, with its time clamped and flagged when it is too far ahead. */
    public TrackedEvent clamp(TrackedEvent event, Instant receivedAt) {
        if (!isTooFarAhead(event.timestamp(), receivedAt)) {
            return event;
        }
        List<String> flags = new ArrayList<>(event.flags());
        flags.add(TrackedEvent.TIMESTAMP_CLAMPED);
        return new TrackedEvent(event.eventName(), event.eventId(), event.properties(), event.profileProperties(),
                event.aliases(), receivedAt, event.timestampOffset(), flags);
    }
}
