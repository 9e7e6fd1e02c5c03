package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.query.attribution.TrafficProjection;
import io.tributary.query.session.SessionProjection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The read models that split (sessions, traffic) build on four segments exactly what one segment builds from the same
 * events; the others keep one segment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.processing.segments=4")
@ActiveProfiles("test")
@DirtiesContext
class SegmentedReadModelsTest {

    static final List<String> SEGMENTED_COLLECTIONS = List.of("sessions", "session_merges", "attribution_traffic_days");

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

    @Test
    void buildsOnFourSegmentsTheSessionsAndTrafficThatOneSegmentBuilds() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(processor("sessions").processingStatus()).hasSize(4);
            assertThat(processor("attribution-traffic").processingStatus()).hasSize(4);
        });
        assertThat(processor("event-log").processingStatus()).as("a read model that does not split").hasSize(1);

        new GeneratedShop(new Api(port), "segmented").visit(0, 24);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEqualsOneSegmentBuild(client, engine, database));
        assertThat(segmentsHolding(OneSegmentBuild.documents(database, "sessions").keySet(), 4))
                .as("the sessions are spread over the segments").hasSizeGreaterThan(2);
    }

    /** The live segmented read models equal a one-segment build of every stored event, and hold real traffic. */
    static void assertEqualsOneSegmentBuild(MongoClient client, EventStorageEngine engine, MongoDatabase live)
            throws Exception {
        try (OneSegmentBuild reference = OneSegmentBuild.of(client, engine, SessionProjection::new,
                TrafficProjection::new)) {
            assertThat(OneSegmentBuild.documents(reference.database, "sessions")).hasSizeGreaterThan(24);
            assertThat(OneSegmentBuild.documents(reference.database, "session_merges")).hasSizeGreaterThanOrEqualTo(24);
            assertThat(OneSegmentBuild.documents(reference.database, "attribution_traffic_days")).hasSizeGreaterThan(2);
            for (String collection : SEGMENTED_COLLECTIONS) {
                assertThat(OneSegmentBuild.documents(live, collection)).as(collection)
                        .isEqualTo(OneSegmentBuild.documents(reference.database, collection));
            }
        }
    }

    private static Set<Integer> segmentsHolding(Set<Object> sessionIds, int count) {
        Segment[] segments = Segment.computeSegments(IntStream.range(0, count).toArray());
        return sessionIds.stream().map(id -> Arrays.stream(segments)
                        .filter(segment -> segment.matches(new RoutedEvent("session:" + id, "any")))
                        .findFirst().orElseThrow().getSegmentId())
                .collect(Collectors.toSet());
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }
}
