package io.tributary.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.tributary.eventstore.TestEvents.CartOpened;
import io.tributary.eventstore.TestEvents.CartState;
import io.tributary.eventstore.TestEvents.ItemAdded;
import io.tributary.eventstore.TestEvents.PageViewed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.codecs.configuration.CodecRegistries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.tributary.eventstore.TestEvents.CART;
import static io.tributary.eventstore.TestEvents.cartEvents;
import static io.tributary.eventstore.TestEvents.itemAdded;
import static io.tributary.eventstore.TestEvents.itemAddedAt;
import static io.tributary.eventstore.TestEvents.newCartId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencedMongoEventStorageEngineTest {

    private static EmbeddedMongo mongo;

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private MongoDatabase database;
    private SequencedMongoEventStorageEngine engine;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void createEngine() {
        database = mongo.freshDatabase();
        engine = engine(builder -> builder);
    }

    private SequencedMongoEventStorageEngine engine(
            java.util.function.UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization) {
        SequencedMongoEventStorageEngine created = customization.apply(
                SequencedMongoEventStorageEngine.builder()
                                                .database(database)
                                                .eventSerializer(serializer)
                                                .snapshotSerializer(serializer)).build();
        created.ensureIndexes();
        return created;
    }

    // ------------------------------------------------------------------------------------ aggregate streams

    @Test
    void readsBackAnAggregateStreamInSequenceOrder() {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 5));
        engine.appendEvents(itemAdded(newCartId(), 1));

        List<? extends DomainEventMessage<?>> stream = engine.readEvents(cartId).asStream().toList();

        assertThat(stream).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(stream).allSatisfy(event -> {
            assertThat(event.getAggregateIdentifier()).isEqualTo(cartId);
            assertThat(event.getType()).isEqualTo(CART);
        });
        assertThat(stream.get(0).getPayload()).isEqualTo(new CartOpened(cartId));
        assertThat(stream.get(3).getPayload()).isEqualTo(new ItemAdded(cartId, "sku-3", 1, List.of("a", "b")));
    }

    @Test
    void readsAnAggregateStreamFromAGivenSequenceNumber() {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 10));

        assertThat(engine.readEvents(cartId, 7).asStream())
                .extracting(DomainEventMessage::getSequenceNumber).containsExactly(7L, 8L, 9L);
        assertThat(engine.readEvents(cartId, 10).asStream()).isEmpty();
        assertThat(engine.readEvents("no-such-cart").asStream()).isEmpty();
    }

    @Test
    void readsLongAggregateStreamsAcrossWindowsAndBatches() {
        engine = engine(builder -> builder.batchSize(100).aggregateFetchWindow(8).idsPerQuery(40));
        String cartId = newCartId();
        for (int from = 0; from < 777; from += 111) {
            engine.appendEvents(cartEvents(cartId, from, 111));
        }

        assertThat(engine.readEvents(cartId).asStream())
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, 777).boxed().toList());
        assertThat(engine.lastSequenceNumberFor(cartId)).contains(776L);
        assertThat(engine.lastSequenceNumberFor("no-such-cart")).isEmpty();
    }

    // ----------------------------------------------------------------------------------------- concurrency

    @Test
    void rejectsAnEventWhoseSequenceNumberExistsWithAConcurrencyException() {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 3));

        assertThatThrownBy(() -> engine.appendEvents(itemAdded(cartId, 2), itemAdded(cartId, 3)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents(cartId).asStream()).hasSize(3);
        assertThat(allTrackedEvents()).hasSize(3);
    }

    @Test
    void rejectsASecondCreationOfTheSameAggregate() {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 1));

        assertThatThrownBy(() -> engine.appendEvents(cartEvents(cartId, 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void leavesNothingOfAFailedMultiAggregateAppendVisible() {
        String existing = newCartId();
        engine.appendEvents(cartEvents(existing, 0, 3));
        String fresh = newCartId();

        // the fresh cart's events come first in the batch and are inserted before the conflicting one
        List<EventMessage<?>> unitOfWork = new ArrayList<>(cartEvents(fresh, 0, 3));
        unitOfWork.add(itemAdded(existing, 2));
        unitOfWork.add(itemAdded(existing, 3));
        assertThatThrownBy(() -> engine.appendEvents(unitOfWork)).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents(fresh).asStream()).isEmpty();
        assertThat(engine.readEvents(existing).asStream()).hasSize(3);
        assertThat(allTrackedEvents()).extracting(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                                       .containsOnly(existing);
        // the failed append's indexes are gaps: the next append is tracked after them
        engine.appendEvents(cartEvents(fresh, 0, 2));
        List<TrackedEventMessage<?>> tracked = allTrackedEvents();
        assertThat(tracked).hasSize(5);
        assertThat(indexOf(tracked.get(4).trackingToken())).isEqualTo(10L);
    }

    @Test
    void letsExactlyOneOfTwoConcurrentWritersAppendTheSameSequenceNumber() throws Exception {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 1));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 20; round++) {
                long sequence = round;
                CountDownLatch start = new CountDownLatch(1);
                Callable<Boolean> append = () -> {
                    start.await();
                    try {
                        engine.appendEvents(itemAdded(cartId, sequence));
                        return true;
                    } catch (ConcurrencyException e) {
                        return false;
                    }
                };
                Future<Boolean> first = writers.submit(append);
                Future<Boolean> second = writers.submit(append);
                start.countDown();
                assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(engine.readEvents(cartId).asStream()).hasSize(21);
    }

    // -------------------------------------------------------------------------------------------- tracking

    @Test
    void tracksAllEventsFromTheTailInGlobalOrder() {
        engine = engine(builder -> builder.batchSize(100));
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            List<DomainEventMessage<?>> batch = cartEvents(newCartId(), 0, 10);
            batch.forEach(event -> appended.add(event.getIdentifier()));
            engine.appendEvents(batch);
        }

        List<TrackedEventMessage<?>> tracked = allTrackedEvents();

        assertThat(tracked).extracting(EventMessage::getIdentifier).containsExactlyElementsOf(appended);
        assertThat(tracked).extracting(event -> indexOf(event.trackingToken()))
                           .containsExactlyElementsOf(LongStream.rangeClosed(1, 250).boxed().toList());
        assertThat(tracked).allSatisfy(event -> assertThat(gapsOf(event.trackingToken())).isEmpty());
    }

    @Test
    void continuesFromATokenWithoutDuplicatesOrLosses() {
        engine = engine(builder -> builder.batchSize(64));
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(cartEvents(newCartId(), 0, 50));
        }

        List<TrackedEventMessage<?>> first = engine.readEvents(null, false).limit(123).collect(Collectors.toList());
        TrackingToken token = first.get(first.size() - 1).trackingToken();
        engine.appendEvents(cartEvents(newCartId(), 0, 30));
        List<TrackedEventMessage<?>> rest = engine.readEvents(token, false).collect(Collectors.toList());

        List<Long> indexes = new ArrayList<>();
        first.forEach(event -> indexes.add(indexOf(event.trackingToken())));
        rest.forEach(event -> indexes.add(indexOf(event.trackingToken())));
        assertThat(indexes).containsExactlyElementsOf(LongStream.rangeClosed(1, 530).boxed().toList());
    }

    @Test
    void skipsAGapAndDeliversTheEventWhenItIsWrittenWithinTheGapTimeout() {
        engine.appendEvents(cartEvents(newCartId(), 0, 2));  // indexes 1, 2
        reserveIndexes(1);                                   // index 3: reserved by a slow writer
        String lateCart = newCartId();
        engine.appendEvents(cartEvents(newCartId(), 0, 2));  // indexes 4, 5

        List<TrackedEventMessage<?>> firstRead = allTrackedEvents();
        assertThat(firstRead).extracting(event -> indexOf(event.trackingToken())).containsExactly(1L, 2L, 4L, 5L);
        TrackingToken afterFirstRead = firstRead.get(3).trackingToken();
        assertThat(gapsOf(afterFirstRead)).containsExactly(3L);

        writeEventAt(3, itemAdded(lateCart, 0));
        List<TrackedEventMessage<?>> secondRead = engine.readEvents(afterFirstRead, false).collect(Collectors.toList());

        assertThat(secondRead).hasSize(1);
        assertThat(((DomainEventMessage<?>) secondRead.get(0)).getAggregateIdentifier()).isEqualTo(lateCart);
        assertThat(gapsOf(secondRead.get(0).trackingToken())).isEmpty();
        assertThat(indexOf(secondRead.get(0).trackingToken())).isEqualTo(5L);
        assertThat(engine.readEvents(secondRead.get(0).trackingToken(), false)).isEmpty();
    }

    @Test
    void forgetsGapsBeforeEventsOlderThanTheGapTimeout() {
        engine = engine(builder -> builder.gapTimeout(1000));
        Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String cartId = newCartId();
        engine.appendEvents(itemAddedAt(cartId, 0, longAgo));
        reserveIndexes(5);
        engine.appendEvents(itemAddedAt(cartId, 1, longAgo));

        List<TrackedEventMessage<?>> tracked = allTrackedEvents();

        assertThat(tracked).extracting(event -> indexOf(event.trackingToken())).containsExactly(1L, 7L);
        assertThat(gapsOf(tracked.get(1).trackingToken())).isEmpty();
    }

    @Test
    void stepsOverAHoleLargerThanABatch() {
        engine = engine(builder -> builder.batchSize(50));
        engine.appendEvents(cartEvents(newCartId(), 0, 3));
        reserveIndexes(2_000);  // failed appends: 40 empty windows, more than the engine probes one by one
        engine.appendEvents(cartEvents(newCartId(), 0, 3));
        reserveIndexes(120);
        engine.appendEvents(cartEvents(newCartId(), 0, 3));

        assertThat(allTrackedEvents()).extracting(event -> indexOf(event.trackingToken()))
                                      .containsExactly(1L, 2L, 3L, 2004L, 2005L, 2006L, 2127L, 2128L, 2129L);
        assertThat(engine.readEvents(null, false).toList()).hasSize(9);
    }

    @Test
    void dropsGapsThatTimedOutOnceATokenHoldsManyOfThem() {
        engine = engine(builder -> builder.gapCleaningThreshold(5).gapTimeout(60_000));
        for (int i = 0; i < 8; i++) {
            engine.appendEvents(cartEvents(newCartId(), 0, 1));
            reserveIndexes(1);
        }
        engine.appendEvents(cartEvents(newCartId(), 0, 1));
        List<TrackedEventMessage<?>> tracked = allTrackedEvents();
        TrackingToken withGaps = tracked.get(tracked.size() - 1).trackingToken();
        assertThat(gapsOf(withGaps)).containsExactly(2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L);

        Clock original = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.offset(original, Duration.ofHours(2));
            engine.appendEvents(cartEvents(newCartId(), 0, 1));
            List<TrackedEventMessage<?>> next = engine.readEvents(withGaps, false).collect(Collectors.toList());

            assertThat(next).hasSize(1);
            assertThat(indexOf(next.get(0).trackingToken())).isEqualTo(18L);
            assertThat(gapsOf(next.get(0).trackingToken())).isEmpty();
        } finally {
            GenericEventMessage.clock = original;
        }
    }

    @Test
    void deliversEveryEventExactlyOnceToAReaderTailingConcurrentWriters() throws Exception {
        engine = engine(builder -> builder.batchSize(37));
        int writers = 3;
        int unitsOfWorkPerWriter = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<String>>> written = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            written.add(pool.submit(() -> {
                List<String> identifiers = new ArrayList<>();
                for (int u = 0; u < unitsOfWorkPerWriter; u++) {
                    List<DomainEventMessage<?>> unitOfWork = cartEvents(newCartId(), 0, 1 + u % 7);
                    engine.appendEvents(unitOfWork);
                    unitOfWork.forEach(event -> identifiers.add(event.getIdentifier()));
                }
                return identifiers;
            }));
        }
        pool.shutdown();

        List<String> read = new ArrayList<>();
        TrackingToken token = null;
        boolean writersDone = false;
        while (true) {
            List<TrackedEventMessage<?>> batch = engine.readEvents(token, false).collect(Collectors.toList());
            for (TrackedEventMessage<?> event : batch) {
                read.add(event.getIdentifier());
                token = event.trackingToken();
            }
            if (writersDone && batch.isEmpty()) {
                break;
            }
            writersDone = pool.isTerminated();
        }

        List<String> all = new ArrayList<>();
        for (Future<List<String>> writer : written) {
            all.addAll(writer.get());
        }
        assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void tracksNothingInAnEmptyStore() {
        assertThat(engine.readEvents(null, false)).isEmpty();
        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();
    }

    @Test
    void createsTailHeadAndTimeBasedTokens() {
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
        String cartId = newCartId();
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(itemAddedAt(cartId, i, start.plus(i, ChronoUnit.MINUTES)));
        }

        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(0, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(10, List.of()));
        TrackingToken atFifthMinute = engine.createTokenAt(start.plus(4, ChronoUnit.MINUTES).minusMillis(1));
        assertThat(atFifthMinute).isEqualTo(GapAwareTrackingToken.newInstance(4, List.of()));
        assertThat(engine.readEvents(atFifthMinute, false))
                .extracting(event -> ((DomainEventMessage<?>) event).getSequenceNumber())
                .containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(engine.createTokenAt(Instant.now().plusSeconds(60))).isEqualTo(engine.createHeadToken());
    }

    @Test
    void createsTailAndHeadTokensAroundGapsAtBothEnds() {
        reserveIndexes(3);
        engine.appendEvents(cartEvents(newCartId(), 0, 2));  // indexes 4, 5
        reserveIndexes(2);                                   // in flight or failed at the end

        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(5, List.of()));
    }

    @Test
    void findsTheTailAndHeadTokensBeyondHolesLongerThanTenBatches() {
        engine = engine(builder -> builder.batchSize(20).aggregateFetchWindow(4));
        reserveIndexes(500);                                 // ten batches of 20 are probed, then one range query
        engine.appendEvents(cartEvents(newCartId(), 0, 3));  // indexes 501 … 503
        reserveIndexes(450);

        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(500, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(503, List.of()));
    }

    @Test
    void createsNoTailOrHeadTokenWhenEveryReservedIndexIsEmpty() {
        engine = engine(builder -> builder.batchSize(20).aggregateFetchWindow(4));
        reserveIndexes(300);

        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();
    }

    // ---------------------------------------------------------------------------------------- other events

    @Test
    void storesAndTracksNonDomainEvents() {
        String cartId = newCartId();
        engine.appendEvents(cartEvents(cartId, 0, 1));
        GenericEventMessage<PageViewed> pageView =
                new GenericEventMessage<>(new PageViewed("/products/42", 1_700_000_000_000L), MetaData.with("k", "v"));
        engine.appendEvents(pageView);

        List<TrackedEventMessage<?>> tracked = allTrackedEvents();

        assertThat(tracked).hasSize(2);
        TrackedEventMessage<?> trackedPageView = tracked.get(1);
        assertThat(trackedPageView).isNotInstanceOf(DomainEventMessage.class);
        assertThat(trackedPageView.getIdentifier()).isEqualTo(pageView.getIdentifier());
        assertThat(trackedPageView.getPayload()).isEqualTo(pageView.getPayload());
        assertThat(trackedPageView.getMetaData()).isEqualTo(MetaData.with("k", "v"));
        assertThat(engine.readEvents(cartId).asStream()).hasSize(1);
    }

    @ParameterizedTest(name = "stored as {0}")
    @ValueSource(classes = {byte[].class, String.class})
    void roundTripsPayloadMetaDataAndTimestampExactly(Class<?> dataType) {
        engine = engine(builder -> builder.dataType(dataType));
        Instant timestamp = Instant.parse("2024-09-02T12:34:56.123456789Z");
        String cartId = newCartId();
        ItemAdded payload = new ItemAdded(cartId, "sku-é✓", 3, List.of("gift", "sale"));
        DomainEventMessage<ItemAdded> event = new GenericDomainEventMessage<>(
                CART, cartId, 0, payload, MetaData.with("traceId", "t-1").and("attempt", 2), "event-1", timestamp);
        engine.appendEvents(event);

        DomainEventMessage<?> read = engine.readEvents(cartId).next();
        TrackedEventMessage<?> tracked = allTrackedEvents().get(0);

        for (EventMessage<?> copy : List.of(read, tracked)) {
            assertThat(copy.getIdentifier()).isEqualTo("event-1");
            assertThat(copy.getPayload()).isEqualTo(payload);
            assertThat(copy.getMetaData()).isEqualTo(MetaData.with("traceId", "t-1").and("attempt", 2));
            assertThat(copy.getTimestamp()).isEqualTo(timestamp);
        }
    }

    @Test
    void readsEventsWhicheverDataTypeTheyWereStoredAs() {
        String cartId = newCartId();
        engine(builder -> builder.dataType(String.class)).appendEvents(cartEvents(cartId, 0, 2));
        engine(builder -> builder.dataType(byte[].class)).appendEvents(cartEvents(cartId, 2, 2));

        for (Class<?> dataType : List.of(byte[].class, String.class)) {
            assertThat(engine(builder -> builder.dataType(dataType)).readEvents(cartId).asStream())
                    .extracting(DomainEventMessage::getPayload)
                    .hasOnlyElementsOfType(Record.class)
                    .hasSize(4);
        }
    }

    // ------------------------------------------------------------------------------------------- snapshots

    @Test
    void storesAndReadsTheLatestSnapshot() {
        String cartId = newCartId();
        assertThat(engine.readSnapshot(cartId)).isEmpty();

        engine.storeSnapshot(snapshot(cartId, 10, 3));
        engine.storeSnapshot(snapshot(cartId, 20, 7));
        engine.storeSnapshot(snapshot(cartId, 15, 5));  // older than the stored one: ignored

        Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(cartId);
        assertThat(snapshot).isPresent();
        assertThat(snapshot.get().getSequenceNumber()).isEqualTo(20);
        assertThat(snapshot.get().getAggregateIdentifier()).isEqualTo(cartId);
        assertThat(snapshot.get().getPayload()).isEqualTo(new CartState(cartId, 7));
        assertThat(database.getCollection("snapshot_events").countDocuments()).isEqualTo(1);
        assertThat(engine.readSnapshot(newCartId())).isEmpty();
    }

    private static DomainEventMessage<CartState> snapshot(String cartId, long sequenceNumber, int items) {
        return new GenericDomainEventMessage<>(CART, cartId, sequenceNumber, new CartState(cartId, items));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private List<TrackedEventMessage<?>> allTrackedEvents() {
        return engine.readEvents(null, false).collect(Collectors.toList());
    }

    private static long indexOf(TrackingToken token) {
        return ((GapAwareTrackingToken) token).getIndex();
    }

    private static List<Long> gapsOf(TrackingToken token) {
        return new ArrayList<>(((GapAwareTrackingToken) token).getGaps());
    }

    /** Reserves indexes as an append does, without writing their events: a slow, crashed or failed writer. */
    private void reserveIndexes(int count) {
        database.getCollection("event_sequences")
                .updateOne(Filters.eq("_id", "domain_events"), Updates.inc("value", (long) count),
                           new UpdateOptions().upsert(true));
    }

    /** Writes an event at a reserved index, as a slow writer finally does. */
    private void writeEventAt(long index, DomainEventMessage<?> event) {
        MongoCollection<StoredEvent> events = database
                .getCollection("domain_events", StoredEvent.class)
                .withCodecRegistry(CodecRegistries.fromRegistries(
                        CodecRegistries.fromCodecs(new StoredEventCodec(byte[].class)), database.getCodecRegistry()));
        var payload = event.serializePayload(serializer, byte[].class);
        events.insertOne(new StoredEvent(index, event.getType(), event.getAggregateIdentifier(),
                                         event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                                         payload.getType().getName(), payload.getType().getRevision(),
                                         payload.getData(), event.serializeMetaData(serializer, byte[].class).getData(),
                                         byte[].class));
    }
}
