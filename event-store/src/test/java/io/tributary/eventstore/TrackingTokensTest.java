package io.tributary.eventstore;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tributary.eventstore.TestEvents.cartEvents;
import static io.tributary.eventstore.TestEvents.newCartId;
import static org.assertj.core.api.Assertions.assertThat;

class TrackingTokensTest {

    private static EmbeddedMongo mongo;

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
        Serializer serializer = JacksonSerializer.defaultSerializer();
        engine = SequencedMongoEventStorageEngine.builder()
                                                 .database(database)
                                                 .eventSerializer(serializer)
                                                 .snapshotSerializer(serializer)
                                                 .batchSize(20)
                                                 .aggregateFetchWindow(4)
                                                 .build();
        engine.ensureIndexes();
    }

    @Test
    void findsTheTailAndHeadBeyondHolesLongerThanTenBatches() {
        reserveIndexes(500);                                 // ten batches of 20 are probed, then one range query
        engine.appendEvents(cartEvents(newCartId(), 0, 3));  // indexes 501 … 503
        reserveIndexes(450);

        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(500, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(503, List.of()));
    }

    @Test
    void findsTheTailAndHeadWithinTheProbedWindows() {
        reserveIndexes(150);
        engine.appendEvents(cartEvents(newCartId(), 0, 3));  // indexes 151 … 153
        reserveIndexes(170);

        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(150, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(153, List.of()));
    }

    @Test
    void createsNoTailOrHeadTokenWhenEveryReservedIndexIsEmpty() {
        reserveIndexes(300);

        assertThat(engine.createTailToken()).isNull();
        assertThat(engine.createHeadToken()).isNull();
    }

    /** Reserves indexes as an append does, without writing their events: failed or crashed writers. */
    private void reserveIndexes(int count) {
        database.getCollection("event_sequences")
                .updateOne(Filters.eq("_id", "domain_events"), Updates.inc("value", (long) count),
                           new UpdateOptions().upsert(true));
    }
}
