package io.tributary.eventstore;

import io.tributary.eventstore.TestEvents.PageViewed;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tributary.eventstore.TestEvents.cartEvents;
import static io.tributary.eventstore.TestEvents.newCartId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Axon's event processors on an {@link EmbeddedEventStore} over this engine: they handle every event, and after
 * {@code resetTokens()} they handle every event again, flagged as a replay, and then new events as regular ones.
 * (axon-mongo 4.12 on Axon 4.13 is reported to get replay detection wrong, extension-mongo issue 498.)
 * <p>
 * Note Axon 4.13's rule for a processor's very first start: it begins at the tail with a replay token up to the head,
 * so the history it finds is handled as a replay too.
 */
class ReplayThroughEventProcessorsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static EmbeddedMongo mongo;

    private final List<ScheduledExecutorService> executors = new ArrayList<>();
    private EmbeddedEventStore eventStore;
    private StreamingEventProcessor processor;

    enum ProcessorKind { POOLED_STREAMING, TRACKING }

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @AfterEach
    void stopProcessing() {
        if (processor != null) {
            processor.shutDown();
        }
        if (eventStore != null) {
            eventStore.shutDown();
        }
        executors.forEach(ScheduledExecutorService::shutdownNow);
    }

    @ParameterizedTest
    @EnumSource(ProcessorKind.class)
    void replaysEveryEventAfterAResetAndThenHandlesNewEventsAsRegular(ProcessorKind kind) {
        eventStore = EmbeddedEventStore.builder().storageEngine(engine()).build();
        RecordingProjection projection = new RecordingProjection();
        processor = processor(kind, projection);
        processor.start();
        // the processor initialises its token asynchronously; events it finds in the store then count as history
        awaitTokensClaimed();

        List<String> published = publish(600);
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(projection.regular()).containsExactlyInAnyOrderElementsOf(published));

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(projection.replayed()).containsExactlyInAnyOrderElementsOf(published));
        await().atMost(PATIENCE).until(() -> !processor.isReplaying());
        assertThat(projection.resets.get()).isEqualTo(1);

        List<String> later = publish(40);
        List<String> everything = new ArrayList<>(published);
        everything.addAll(later);
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(projection.regular()).containsExactlyInAnyOrderElementsOf(everything));
        assertThat(projection.replayed()).containsExactlyInAnyOrderElementsOf(published);
    }

    @ParameterizedTest
    @EnumSource(ProcessorKind.class)
    void treatsTheHistoryFoundByAProcessorsFirstStartAsAReplay(ProcessorKind kind) {
        eventStore = EmbeddedEventStore.builder().storageEngine(engine()).build();
        List<String> history = publish(200);

        RecordingProjection projection = new RecordingProjection();
        processor = processor(kind, projection);
        processor.start();
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(projection.replayed()).containsExactlyInAnyOrderElementsOf(history));
        await().atMost(PATIENCE).until(() -> !processor.isReplaying());

        List<String> later = publish(40);
        await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(projection.regular()).containsExactlyInAnyOrderElementsOf(later));
        assertThat(projection.resets.get()).isZero();
    }

    private SequencedMongoEventStorageEngine engine() {
        var serializer = JacksonSerializer.defaultSerializer();
        SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                                                                                  .database(mongo.freshDatabase())
                                                                                  .eventSerializer(serializer)
                                                                                  .snapshotSerializer(serializer)
                                                                                  .batchSize(100)
                                                                                  .build();
        engine.ensureIndexes();
        return engine;
    }

    private void awaitTokensClaimed() {
        await().atMost(PATIENCE).until(() -> !processor.processingStatus().isEmpty());
    }

    /** Domain events of many carts in units of work of 20, with a page view (a non-domain event) in each. */
    private List<String> publish(int count) {
        List<String> identifiers = new ArrayList<>();
        while (identifiers.size() < count) {
            List<EventMessage<?>> unitOfWork = new ArrayList<>(cartEvents(newCartId(), 0, 19));
            unitOfWork.add(new GenericEventMessage<>(new PageViewed("/p/" + identifiers.size(), 0L)));
            eventStore.publish(unitOfWork);
            unitOfWork.forEach(event -> identifiers.add(event.getIdentifier()));
        }
        return identifiers;
    }

    private StreamingEventProcessor processor(ProcessorKind kind, RecordingProjection projection) {
        var invoker = SimpleEventHandlerInvoker.builder().eventHandlers(projection).build();
        return switch (kind) {
            case POOLED_STREAMING -> PooledStreamingEventProcessor.builder()
                                                                 .name("pooled-projection")
                                                                 .eventHandlerInvoker(invoker)
                                                                 .messageSource(eventStore)
                                                                 .tokenStore(new InMemoryTokenStore())
                                                                 .transactionManager(NoTransactionManager.INSTANCE)
                                                                 .coordinatorExecutor(executor(1))
                                                                 .workerExecutor(executor(2))
                                                                 .initialSegmentCount(2)
                                                                 .batchSize(50)
                                                                 .build();
            case TRACKING -> TrackingEventProcessor.builder()
                                                   .name("tracking-projection")
                                                   .eventHandlerInvoker(invoker)
                                                   .messageSource(eventStore)
                                                   .tokenStore(new InMemoryTokenStore())
                                                   .transactionManager(NoTransactionManager.INSTANCE)
                                                   .trackingEventProcessorConfiguration(
                                                           TrackingEventProcessorConfiguration
                                                                   .forSingleThreadedProcessing()
                                                                   .andBatchSize(50))
                                                   .build();
        };
    }

    private ScheduledExecutorService executor(int threads) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(threads);
        executors.add(executor);
        return executor;
    }

    /** A read model that records which events it saw, and whether as a replay. */
    static class RecordingProjection {

        private final List<String> regular = Collections.synchronizedList(new ArrayList<>());
        private final List<String> replayed = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(Object event, @MessageIdentifier String identifier, ReplayStatus status) {
            (status.isReplay() ? replayed : regular).add(identifier);
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
        }

        List<String> regular() {
            synchronized (regular) {
                assertThat(new HashSet<>(regular)).as("no duplicates").hasSameSizeAs(regular);
                return new ArrayList<>(regular);
            }
        }

        List<String> replayed() {
            synchronized (replayed) {
                assertThat(new HashSet<>(replayed)).as("no duplicates").hasSameSizeAs(replayed);
                return new ArrayList<>(replayed);
            }
        }
    }
}
