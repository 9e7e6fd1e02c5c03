package io.tributary.app.projection;

import java.util.Objects;

/**
 * A read model's sequence identifier for one event: Axon places the event in the segment that matches its hash, so
 * the hash is the document key's ({@link ReadModelSequencing}); the dead-letter queue keys its sequence by the event id
 * alone, so that a poison event never holds back the later events of its key.
 */
public record RoutedEvent(String key, String eventId) {

    public RoutedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** The dead-letter queue's sequence for an identifier the sequencing policy gave. */
    public static Object deadLetterSequence(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof RoutedEvent routed ? routed.eventId() : sequenceIdentifier;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutedEvent that && key.equals(that.key) && eventId.equals(that.eventId);
    }
}
