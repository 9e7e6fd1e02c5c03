package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rebuild requests of several nodes on one store: one carrier at a time, taken over when it falls silent. */
class RebuildRequestsTest {

    private static final Duration CARRIER_TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private final MongoDatabase database = client.getDatabase("rebuilds" + System.nanoTime());

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.memory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private RebuildRequests node(String id, Instant now) {
        return new RebuildRequests(database, id, CARRIER_TIMEOUT, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void givesAPendingRequestToOneNodeWhileItCarriesItOut() {
        node("a", NOON).request("sessions");

        assertThat(node("a", NOON).take("sessions")).isPresent();
        assertThat(node("b", NOON.plusSeconds(1)).take("sessions")).isEmpty();
        assertThat(node("b", NOON.plusSeconds(1)).carriedElsewhere("sessions")).isTrue();
        assertThat(node("a", NOON.plusSeconds(9)).take("sessions")).as("renewed by its carrier").isPresent();
        assertThat(node("b", NOON.plusSeconds(18)).take("sessions")).as("renewed at 9 s").isEmpty();
    }

    @Test
    void letsAnotherNodeTakeOverFromASilentCarrier() {
        node("a", NOON).request("sessions");
        Optional<String> first = node("a", NOON).take("sessions");

        Optional<String> takenOver = node("b", NOON.plus(CARRIER_TIMEOUT).plusSeconds(1)).take("sessions");

        assertThat(takenOver).isEqualTo(first);
        assertThat(node("a", NOON.plus(CARRIER_TIMEOUT).plusSeconds(2)).carriedElsewhere("sessions")).isTrue();
    }

    @Test
    void keepsARequestAskedAgainWhileTheEarlierOneWasCarriedOut() {
        node("a", NOON).request("sessions");
        String carried = node("a", NOON).take("sessions").orElseThrow();
        node("b", NOON.plusSeconds(1)).request("sessions");

        node("a", NOON.plusSeconds(2)).done("sessions", carried);

        assertThat(node("a", NOON.plusSeconds(2)).isPending("sessions")).as("asked again").isTrue();
        String again = node("a", NOON.plusSeconds(3)).take("sessions").orElseThrow();
        assertThat(again).isNotEqualTo(carried);
        node("a", NOON.plusSeconds(4)).done("sessions", again);
        assertThat(node("a", NOON.plusSeconds(4)).isPending("sessions")).isFalse();
    }

    @Test
    void givesNothingToTakeWithoutARequest() {
        assertThat(node("a", NOON).take("sessions")).isEmpty();
        assertThat(node("a", NOON).carriedElsewhere("sessions")).isFalse();
        node("a", NOON).request("profiles");
        assertThat(node("b", NOON).take("sessions")).as("requests are per read model").isEmpty();
    }
}
