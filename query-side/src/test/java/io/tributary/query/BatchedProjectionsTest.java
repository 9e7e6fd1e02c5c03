package io.tributary.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.tributary.query.attribution.ConversionProjection;
import io.tributary.query.attribution.SpendProjection;
import io.tributary.query.attribution.TrafficProjection;
import io.tributary.query.bench.Digest;
import io.tributary.query.bench.Projections;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.eventlog.EventLogProjection;
import io.tributary.query.marketing.MarketingMetricsProjection;
import io.tributary.query.marketing.MarketingSourceProjection;
import io.tributary.query.profile.ProfileHistoryProjection;
import io.tributary.query.profile.ProfileProjection;
import io.tributary.query.quality.DataQualityProjection;
import io.tributary.query.session.SessionProjection;
import io.tributary.query.source.SourceProjection;
import io.tributary.query.support.EmbeddedMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections handle a processor's batch in one {@code DocumentBatch}: whatever the batch size, with or without a
 * redelivered batch, they leave the same read models as handling event by event, in a few round trips per batch.
 * The events are a seeded shop stream (profiles on several devices, sessions, orders and server events about them,
 * duplicates, rejections, merges).
 */
class BatchedProjectionsTest extends EmbeddedMongo {

    private static final List<EventMessage<?>> STREAM = stream(3_000);
    /** Long enough that every projection, even one handling a small share of the stream, gets several batches. */
    private static final List<EventMessage<?>> LONG_STREAM = stream(20_000);
    private static final Set<String> DATA_COMMANDS = Set.of("find", "getMore", "update", "insert", "delete");
    /** A redelivered entry is filed under the survivor when its profile was merged in the meantime (by design). */
    private static final String REFILED_ON_REDELIVERY = "eventlog.profileId";
    /**
     * Data quality numbers its batches (so that roll-ups stay exact after a crash): the numbers, and the states kept
     * for the batch in progress, depend on how the events were batched, not on what the read model says.
     */
    private static final String[] BATCH_BOOKKEEPING = {"quality_facts.b", "quality_facts.prev", "quality_hours.b",
            "quality_days.b", "quality_batch_open.seq", "quality_batch_open.records", "quality_batch_closed.seq"};

    /**
     * Each projection with the data commands a batch of 200 events may cost (several hundred when written per event).
     * Data quality's budget includes one read and one bulk write of its property examples per batch, and of its hour
     * roll-ups (two or three reads: a batch touches a few hundred hours), its day roll-ups and its two batch markers.
     */
    static Stream<Arguments> projections() {
        return Stream.of(Arguments.of(EventLogProjection.class, 6), Arguments.of(ProfileProjection.class, 6),
                Arguments.of(ProfileHistoryProjection.class, 6), Arguments.of(SessionProjection.class, 6),
                Arguments.of(SourceProjection.class, 6), Arguments.of(DataQualityProjection.class, 25),
                Arguments.of(TrafficProjection.class, 6), Arguments.of(ConversionProjection.class, 10),
                Arguments.of(SpendProjection.class, 6), Arguments.of(MarketingMetricsProjection.class, 6),
                Arguments.of(MarketingSourceProjection.class, 6));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void batchesLeaveTheSameReadModelsAsHandlingEventByEvent(Class<?> type, int ignored) {
        Function<MongoDatabase, Object> projection = database -> create(type, database);
        MongoDatabase oneByOne = anotherDatabase();
        MongoDatabase large = anotherDatabase();
        MongoDatabase smallAndRedelivered = anotherDatabase();

        eventByEvent(projection.apply(oneByOne));
        inBatches(projection.apply(large), 200, false);
        inBatches(projection.apply(smallAndRedelivered), 7, true);

        String[] redelivered = Stream.concat(Stream.of(BATCH_BOOKKEEPING), Stream.of(REFILED_ON_REDELIVERY))
                .toArray(String[]::new);
        assertThat(Digest.canonical(large, BATCH_BOOKKEEPING)).isEqualTo(Digest.canonical(oneByOne, BATCH_BOOKKEEPING));
        assertThat(Digest.canonical(smallAndRedelivered, redelivered)).isEqualTo(Digest.canonical(oneByOne, redelivered));
    }

    @ParameterizedTest
    @MethodSource("projections")
    void aBatchOfTwoHundredEventsCostsAFewRoundTrips(Class<?> type, int commandsPerBatch) {
        AtomicInteger commands = new AtomicInteger();
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (DATA_COMMANDS.contains(event.getCommandName())) {
                    commands.incrementAndGet();
                }
            }
        };
        try (MongoClient client = client(counter)) {
            Object handler = create(type, client.getDatabase(database.getName()));
            List<EventMessage<?>> handled = handled(handler, LONG_STREAM);
            commands.set(0);

            int batches = inBatches(handler, handled, 200, false);

            assertThat(handled).as("several batches").hasSizeGreaterThan(400);
            assertThat(commands.get()).as("%d batches of up to 200 events", batches).isLessThanOrEqualTo(commandsPerBatch * batches);
        }
    }

    private static Object create(Class<?> type, MongoDatabase database) {
        try {
            return Projections.create(type, database);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void eventByEvent(Object projection) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        handled(projection, STREAM).forEach(event -> {
            try {
                adapter.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** As a pooled streaming processor: one unit of work per batch; optionally every fifth batch delivered twice. */
    private static int inBatches(Object projection, int size, boolean redeliver) {
        return inBatches(projection, handled(projection, STREAM), size, redeliver);
    }

    private static int inBatches(Object projection, List<EventMessage<?>> events, int size, boolean redeliver) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        int batches = 0;
        for (int from = 0; from < events.size(); from += size) {
            List<EventMessage<?>> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + size)));
            for (int delivery = 0; delivery < (redeliver && batches % 5 == 0 ? 2 : 1); delivery++) {
                BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
                unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
                assertThat(unitOfWork.isRolledBack()).as("batch %d", batches).isFalse();
            }
            batches++;
        }
        return batches;
    }

    private static List<EventMessage<?>> stream(int size) {
        return ShopStream.generate(7, size).stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    private static List<EventMessage<?>> handled(Object projection, List<EventMessage<?>> stream) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        return stream.stream().filter(adapter::canHandle).toList();
    }
}
