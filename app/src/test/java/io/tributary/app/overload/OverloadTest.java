package io.tributary.app.overload;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Many clients at once, far beyond a small intake queue (loopback only, bounded in time and count): every request
 * answered 200 had its events stored, no request answered 503 had any stored, and a full queue answers at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tributary.intake.queue-capacity=300", "tributary.intake.max-batch=100", "tributary.intake.ack-timeout=3s",
    "tributary.collect.rate-limit.per-second=0", "tributary.collect.address-rate-limit.per-second=0"})
@ActiveProfiles("test")
@DirtiesContext
class OverloadTest {

    /** The ack timeout set above: a refusal that waited less than it was not queued. */
    private static final long ACK_TIMEOUT_MILLIS = 3000;
    private static final int CLIENTS = 24;
    private static final int REQUESTS_PER_CLIENT = 3;
    private static final int EVENTS_PER_REQUEST = 100;

    @LocalServerPort
    int port;

    record Answer(String name, int status, long millis, String body, String retryAfter) {
    }

    @Test
    void storesEveryAcknowledgedEventAndNoRefusedOne() throws Exception {
        Api api = new Api(port);
        Map<String, Object> source = api.createSource("overloaded web", "browser");
        String token = (String) source.get("token");

        List<Answer> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Answer>>> running = IntStream.range(0, CLIENTS)
                    .mapToObj(client -> clients.submit(() -> postBatches(new Api(port), token, client))).toList();
            for (Future<List<Answer>> client : running) {
                answers.addAll(client.get(120, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }

        List<Answer> stored = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() == 503).toList();
        assertThat(stored.size() + refused.size()).as("only 200 or 503: " + answers).isEqualTo(answers.size());
        assertThat(stored).as("some got through").isNotEmpty();
        assertThat(refused).as("the queue overflowed").isNotEmpty();
        assertThat(refused).allSatisfy(a -> assertThat(a.retryAfter()).isNotNull());
        List<Long> full = refused.stream().filter(a -> a.body().contains("queue is full")).map(Answer::millis)
                .sorted().toList();
        assertThat(full).as("a full queue refuses at once, without the ack timeout's wait").isNotEmpty()
                .allSatisfy(millis -> assertThat(millis).isLessThan(ACK_TIMEOUT_MILLIS));
        assertThat(full.get(full.size() / 2)).as("median").isLessThan(ACK_TIMEOUT_MILLIS / 3);
        assertThat(answers).allSatisfy(a -> assertThat(a.millis()).as("never left waiting").isLessThan(10_000));

        long acknowledged = (long) stored.size() * EVENTS_PER_REQUEST;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(((Number) api.get("/api/sources/" + source.get("id")).json().get("acceptedCount")).longValue())
                        .isEqualTo(acknowledged));
        Thread.sleep(2000);
        assertThat(((Number) api.get("/api/sources/" + source.get("id")).json().get("acceptedCount")).longValue())
                .as("nothing refused was stored later").isEqualTo(acknowledged);
        for (Answer answer : refused) {
            assertThat(logged(api, answer.name())).as(answer.name() + " was refused").isZero();
        }
        for (Answer answer : stored.subList(0, Math.min(5, stored.size()))) {
            assertThat(logged(api, answer.name())).isEqualTo(EVENTS_PER_REQUEST);
        }
    }

    /** One client's requests, each of events without ids under a name of its own. */
    private static List<Answer> postBatches(Api api, String token, int client) {
        List<Answer> answers = new ArrayList<>();
        for (int request = 0; request < REQUESTS_PER_CLIENT; request++) {
            String name = "overload-" + client + "-" + request + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                events.add(pixel(name, null, "https://shop.example/p/" + i, null,
                        List.of("urn:anonymous_id:" + UUID.randomUUID())));
            }
            long started = System.nanoTime();
            Api.Response response = api.collect(token, events);
            answers.add(new Answer(name, response.status(), (System.nanoTime() - started) / 1_000_000,
                    response.body(), response.header("Retry-After")));
        }
        return answers;
    }

    private static int logged(Api api, String name) {
        return ((List<?>) api.get("/api/events?limit=1000&eventName=" + name).json().get("items")).size();
    }
}
