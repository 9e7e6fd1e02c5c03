package io.tributary.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Claims are written when the unit of work prepares its commit, and Axon's event bus intercepts the unit of work's
 * events only then, just before storing them. The proof must be known to claims written before that.
 */
class CommitProofTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final List<Optional<String>> seenWhenClaiming = new ArrayList<>();

    CommitProofTest() {
        eventStore.registerDispatchInterceptor(new CommitProof());
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
    }

    @Test
    void claimsWrittenBeforeTheEventBusStoresTheEventsNameTheFirstEventPublished() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> seenWhenClaiming.add(CommitProof.current()));
        EventMessage<?> first = publish("first");
        publish("second");

        unitOfWork.commit();

        assertThat(seenWhenClaiming).containsExactly(Optional.of(first.getIdentifier()));
        assertThat(storedIdentifiers()).contains(first.getIdentifier());
    }

    @Test
    void anEventPublishedInANestedUnitOfWorkIsTheProofOfItsRoot() {
        UnitOfWork<?> root = DefaultUnitOfWork.startAndGet(null);
        root.onPrepareCommit(u -> seenWhenClaiming.add(CommitProof.current()));
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        EventMessage<?> first = publish("in a nested unit of work");
        nested.commit();

        root.commit();

        assertThat(seenWhenClaiming).containsExactly(Optional.of(first.getIdentifier()));
    }

    @Test
    void claimsWrittenAfterTheEventBusInterceptedTheEventsNameTheFirstEventToo() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        EventMessage<?> first = publish("published before the claims were made");
        unitOfWork.onPrepareCommit(u -> seenWhenClaiming.add(CommitProof.current()));

        unitOfWork.commit();

        assertThat(seenWhenClaiming).containsExactly(Optional.of(first.getIdentifier()));
    }

    @Test
    void aUnitOfWorkThatPublishedNothingHasNoProof() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> seenWhenClaiming.add(CommitProof.current()));

        unitOfWork.commit();

        assertThat(seenWhenClaiming).containsExactly(Optional.empty());
    }

    private EventMessage<?> publish(String payload) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        eventStore.publish(event);
        return event;
    }

    private List<String> storedIdentifiers() {
        List<String> identifiers = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                identifiers.add(stream.nextAvailable().getIdentifier());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return identifiers;
    }
}
