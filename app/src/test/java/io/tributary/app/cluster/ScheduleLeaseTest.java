package io.tributary.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases of several nodes on one store: a schedule runs once per lease, whichever node ticks first. */
class ScheduleLeaseTest {

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private final MongoDatabase database = client.getDatabase("lease" + System.nanoTime());
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

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

    private ScheduleLease node(String id, Instant now) {
        return new ScheduleLease(database, new NodeId(id), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void givesAScheduleToOneNodeUntilItsLeaseEnds() {
        assertThat(node("a", NOON).tryTake("marketing-sync", Duration.ofMinutes(54))).isTrue();
        assertThat(node("b", NOON.plusSeconds(1)).tryTake("marketing-sync", Duration.ofMinutes(54))).isFalse();
        assertThat(node("a", NOON.plusSeconds(60)).tryTake("marketing-sync", Duration.ofMinutes(54))).isFalse();
        assertThat(node("b", NOON.plus(Duration.ofMinutes(54))).tryTake("marketing-sync", Duration.ofMinutes(54)))
                .isTrue();
    }

    @Test
    void keepsSchedulesApart() {
        assertThat(node("a", NOON).tryTake("marketing-sync", Duration.ofMinutes(54))).isTrue();
        assertThat(node("b", NOON).tryTake("retention", Duration.ofHours(23))).isTrue();
    }

    @Test
    void letsExactlyOneOfManyConcurrentNodesTakeALease() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> ticks = IntStream.range(0, 16)
                    .<Callable<Boolean>>mapToObj(i -> () -> node("n" + i, NOON).tryTake("backfill", Duration.ofMinutes(5)))
                    .toList();
            long taken = 0;
            for (Future<Boolean> tick : pool.invokeAll(ticks)) {
                taken += tick.get() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
