package io.tributary.app.identity.dryrun;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/** Every recorded domain event in store order, for replays into shadow read models (never the live ones). */
@Component
class EventHistory {

    private final EventStorageEngine engine;

    EventHistory(EventStorageEngine engine) {
        this.engine = engine;
    }

    /** The head position: an estimate of how many events a replay will read, for its progress. */
    long size() {
        TrackingToken head = engine.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    /** Hands every event payload stored until now to {@code payloads}, oldest first; events stored meanwhile too. */
    void replay(Consumer<Object> payloads) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> payloads.accept(event.getPayload()));
        }
    }
}
