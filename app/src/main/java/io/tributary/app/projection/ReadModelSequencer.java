package io.tributary.app.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/** Axon's view of {@link ReadModelSequencing}: an event without a key is its own sequence, as before. */
public final class ReadModelSequencer implements SequencingPolicy<EventMessage<?>> {

    private final String readModel;

    public ReadModelSequencer(String readModel) {
        this.readModel = readModel;
    }

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String key = ReadModelSequencing.keyOf(readModel, event.getPayload());
        return key == null ? event.getIdentifier() : new RoutedEvent(key, event.getIdentifier());
    }
}
