package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.app.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A rebuild of a read model on several segments resets all of them, once, by one node: not while another node holds
 * one of them, not while another live node carries the request out, and by this node once that node went silent.
 * The other node is played by writes to the shared collections ({@code trackingtokens}, {@code projection_rebuilds}).
 * A marker document in {@code sessions} tells whether a reset happened (the reset clears the collection).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.processing.segments=4")
@ActiveProfiles("test")
@DirtiesContext
class RebuildAcrossSegmentsTest {

    private static final String OTHER_NODE = "node-elsewhere";

    @LocalServerPort
    int port;
    @Autowired
    MongoClient client;
    @Autowired
    MongoDatabase database;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Projections projections;
    @Autowired
    MongoTemplate template;

    @Test
    void resetsEverySegmentOnceAndOnlyWhenNoOtherNodeHoldsOneOrCarriesTheRebuild() {
        new GeneratedShop(new Api(port), "rebuild").visit(0, 24);
        awaitBuiltAndLive();

        // a segment held by another node: the rebuild waits, nothing is reset
        processor().releaseSegment(3, 10, TimeUnit.MINUTES);
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor().processingStatus().containsKey(3));
        tokens().updateOne(Filters.and(Filters.eq("processorName", "sessions"), Filters.eq("segment", 3)),
                Updates.combine(Updates.set("owner", OTHER_NODE),
                        Updates.set("timestamp", Instant.now().plus(Duration.ofMinutes(10)).toEpochMilli())));
        insertMarker();
        assertThat(projections.rebuild("sessions").status()).isEqualTo("rebuilding");
        projections.carryOutRequestedRebuilds();
        assertThat(markerLeft()).as("not reset while another node holds a segment").isTrue();
        assertThat(requestPending()).isTrue();

        // the other node lets go: this node resets all four segments
        tokens().updateOne(Filters.and(Filters.eq("processorName", "sessions"), Filters.eq("segment", 3)),
                Updates.unset("owner"));
        processor().releaseSegment(3, 0, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> !requestPending());
        assertThat(markerLeft()).as("reset").isFalse();
        awaitBuiltAndLive();

        // a request done is not carried out again
        insertMarker();
        projections.carryOutRequestedRebuilds();
        assertThat(markerLeft()).as("no second reset").isTrue();

        // another live node carries the request: this node releases its segments and resets nothing
        rebuilds().insertOne(new Document("_id", "sessions").append("requestId", "asked-elsewhere")
                .append("carrier", OTHER_NODE).append("carriedAt", new Date()));
        projections.carryOutRequestedRebuilds();
        await().atMost(Duration.ofSeconds(60)).until(() -> processor().processingStatus().isEmpty());
        assertThat(markerLeft()).as("not reset by a node that does not carry the request").isTrue();

        // that node goes silent: this node takes the request over and resets every segment
        rebuilds().updateOne(Filters.eq("_id", "sessions"),
                Updates.set("carriedAt", Date.from(Instant.now().minus(Duration.ofMinutes(5)))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !requestPending());
        assertThat(markerLeft()).as("reset by the node that took the request over").isFalse();
        awaitBuiltAndLive();
    }

    private void awaitBuiltAndLive() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(processor().processingStatus()).hasSize(4);
            assertThat(projections.status("sessions").status()).isEqualTo("live");
            SegmentedReadModelsTest.assertEqualsOneSegmentBuild(client, engine, database);
        });
    }

    private void insertMarker() {
        database.getCollection("sessions").insertOne(new Document("_id", "marker"));
    }

    private boolean markerLeft() {
        return database.getCollection("sessions").find(Filters.eq("_id", "marker")).first() != null;
    }

    private boolean requestPending() {
        return rebuilds().find(Filters.eq("_id", "sessions")).first() != null;
    }

    private MongoCollection<Document> tokens() {
        return template.trackingTokensCollection();
    }

    private MongoCollection<Document> rebuilds() {
        return database.getCollection("projection_rebuilds");
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor("sessions", StreamingEventProcessor.class).orElseThrow();
    }
}
