package io.tributary.command.ingestion;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * An in-memory event storage engine that can die as a killed writer does: after its unit of work wrote its claims,
 * before its events are stored.
 */
final class KillableEngine extends InMemoryEventStorageEngine {

    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private volatile Runnable lastWords;

    /** The next append runs {@code lastWords} (what the store holds at death can be read then) and stores nothing. */
    void dieOnNextAppend(Runnable lastWords) {
        this.lastWords = lastWords;
    }

    boolean holds(String eventIdentifier) {
        return stored.contains(eventIdentifier);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Runnable dying = lastWords;
        if (dying != null) {
            lastWords = null;
            dying.run();
            throw new IllegalStateException("killed before its events were stored");
        }
        super.appendEvents(events);
        events.forEach(event -> stored.add(event.getIdentifier()));
    }
}
