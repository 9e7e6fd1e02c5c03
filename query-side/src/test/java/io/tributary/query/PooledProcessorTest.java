package io.tributary.query;

import io.tributary.query.eventlog.EventLogProjection;
import io.tributary.query.support.EmbeddedMongo;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import static io.tributary.query.support.Fixtures.at;
import static io.tributary.query.support.Fixtures.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** In Axon's own pooled streaming processor, a batch reaches the read model before the processor stores its token. */
class PooledProcessorTest extends EmbeddedMongo {

    private static final int EVENTS = 450;

    @Test
    void storesNoTokenPastWhatTheReadModelHolds() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<EventMessage<?>> events = IntStream.range(0, EVENTS)
                .<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage(recorded("r" + i, "p" + i % 7, at(i))))
                .toList();
        store.publish(events);
        List<String> tokensAheadOfTheReadModel = new CopyOnWriteArrayList<>();
        List<Long> storedPositions = new CopyOnWriteArrayList<>();
        InMemoryTokenStore tokens = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                long entries = database.getCollection("eventlog").countDocuments();
                if (token != null && token.position().isPresent()) {
                    long position = token.position().getAsLong();
                    storedPositions.add(position);
                    if (entries < position + 1) {
                        tokensAheadOfTheReadModel.add("token at " + position + " with " + entries + " entries");
                    }
                }
                super.storeToken(token, processorName, segment);
            }
        };
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder().name("event-log")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new EventLogProjection(database)).build())
                .messageSource(store).tokenStore(tokens).transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator).workerExecutor(worker).initialSegmentCount(1).batchSize(200).build();
        try {
            processor.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> storedPositions.contains((long) EVENTS - 1));
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            worker.shutdownNow();
        }

        assertThat(database.getCollection("eventlog").countDocuments()).isEqualTo(EVENTS);
        assertThat(tokensAheadOfTheReadModel).isEmpty();
    }
}
