package io.tributary.app.overload;

import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import io.tributary.app.TributaryApplication;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load across a shutdown: the web server stops taking requests and finishes the ones it has, the intake queue
 * stores what it holds, then the store closes. Every request answered 200 is stored (seen after a restart on the
 * same data), and no request is left waiting for a writer that is gone.
 */
class ShutdownTest {

    private static final int CLIENTS = 8;
    private static final int EVENTS_PER_REQUEST = 50;

    @TempDir
    Path dataDir;
    ConfigurableApplicationContext app;

    record Answer(String name, int status, long millis) {
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void storesEveryAcknowledgedRequestAcrossAShutdownAndLeavesNoneWaiting() throws Exception {
        Api api = start();
        Map<String, Object> source = api.createSource("shutdown web", "browser");
        String token = (String) source.get("token");
        String sourceId = (String) source.get("id");
        AtomicBoolean closing = new AtomicBoolean();
        assertThat(api.collect(token, List.of(pixel("warm-up", null, "https://shop.example/", null,
                List.of("urn:anonymous_id:" + UUID.randomUUID())))).status())
                .as("a warm-up request, so that the first batches do not pay for a cold start").isEqualTo(200);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<Answer>>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            running.add(clients.submit(() -> postUntilRefused(api, token, id, closing)));
        }
        Thread.sleep(1500);
        closing.set(true);
        long closeStarted = System.nanoTime();
        CompletableFuture.runAsync(app::close).get(60, TimeUnit.SECONDS);
        long closeMillis = (System.nanoTime() - closeStarted) / 1_000_000;
        app = null;
        List<Answer> answers = new ArrayList<>();
        for (Future<List<Answer>> client : running) {
            answers.addAll(client.get(60, TimeUnit.SECONDS));
        }
        clients.shutdownNow();

        List<Answer> stored = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(stored).as("load was running").isNotEmpty();
        assertThat(answers).allSatisfy(a -> assertThat(a.millis()).as("answered without a 20 s wait: " + a)
                .isLessThan(20_000));
        assertThat(closeMillis).as("the shutdown drained promptly").isLessThan(30_000);

        Api restarted = start();
        // each read model catches up on its own after the restart: wait for the event log itself
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(((Number) restarted.get("/api/sources/" + sourceId).json().get("acceptedCount")).longValue())
                    .isGreaterThanOrEqualTo((long) stored.size() * EVENTS_PER_REQUEST);
            for (Answer answer : stored) {
                assertThat(logged(restarted, answer.name())).as(answer.name() + " was acknowledged")
                        .isEqualTo(EVENTS_PER_REQUEST);
            }
        });
        for (Answer answer : answers.stream().filter(a -> a.status() == 503).toList()) {
            assertThat(logged(restarted, answer.name())).as(answer.name() + " was refused").isZero();
        }
    }

    private Api start() throws Exception {
        Files.createDirectories(dataDir);
        app = new SpringApplicationBuilder(TributaryApplication.class).profiles("test")
                .run("--server.port=0", "--tributary.embedded=file", "--tributary.data-dir=" + dataDir,
                        "--tributary.collect.rate-limit.per-second=0",
                        "--tributary.collect.address-rate-limit.per-second=0");
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** Posts batches until the server stops answering (or 10 s after the shutdown began). */
    private static List<Answer> postUntilRefused(Api api, String token, int client, AtomicBoolean closing) {
        List<Answer> answers = new ArrayList<>();
        long stopBy = Long.MAX_VALUE;
        for (int request = 0; System.nanoTime() < stopBy; request++) {
            if (closing.get() && stopBy == Long.MAX_VALUE) {
                stopBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            }
            String name = "shutdown-" + client + "-" + request + "-" + UUID.randomUUID().toString().substring(0, 8);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                events.add(pixel(name, null, "https://shop.example/p/" + i, null,
                        List.of("urn:anonymous_id:" + UUID.randomUUID())));
            }
            long started = System.nanoTime();
            try {
                Api.Response response = api.collect(token, events);
                answers.add(new Answer(name, response.status(), (System.nanoTime() - started) / 1_000_000));
            } catch (UncheckedIOException refused) {
                return answers;
            }
        }
        return answers;
    }

    private static int logged(Api api, String name) {
        return ((List<?>) api.get("/api/events?limit=1000&eventName=" + name).json().get("items")).size();
    }
}
