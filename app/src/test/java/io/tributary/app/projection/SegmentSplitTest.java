package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A store written with one segment per read model (as every store before segments) is split to the configured count
 * while it runs, and the split read models go on building what one segment builds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.processing.segments=1")
@ActiveProfiles("test")
@DirtiesContext
class SegmentSplitTest {

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
    SegmentClaims claims;

    @Test
    void splitsAOneSegmentStoreToTheConfiguredCountAndKeepsBuildingTheSameReadModels() {
        GeneratedShop shop = new GeneratedShop(new Api(port), "split");
        shop.visit(0, 12);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(claims.of("sessions")).hasSize(1);
            assertThat(claims.of("attribution-traffic")).hasSize(1);
        });

        SegmentSplits toFour = new SegmentSplits(processing, claims, name -> 4);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            toFour.splitWhereShort();
            assertThat(claims.of("sessions")).hasSize(4);
            assertThat(claims.of("attribution-traffic")).hasSize(4);
        });
        assertThat(claims.of("event-log")).as("a read model that does not split").hasSize(1);

        shop.visit(12, 24);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(processor("sessions").processingStatus()).as("this node holds every segment").hasSize(4);
            SegmentedReadModelsTest.assertEqualsOneSegmentBuild(client, engine, database);
        });
        assertThat(toFour.splitWhereShort()).as("nothing left to split").isZero();
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
