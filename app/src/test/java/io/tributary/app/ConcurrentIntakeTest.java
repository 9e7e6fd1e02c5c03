package io.tributary.app;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentIntakeTest {

    static final int PARALLEL = 24;

    @LocalServerPort
    int port;

    @Test
    void eventsCarryingTheSameNewAliasInParallelEndInOneProfile() throws Exception {
        Api api = new Api(port);
        String token = (String) api.createSource("parallel", "server").get("token");
        String email = "urn:email:" + IntakeEndToEndTest.unique() + "@example.com";
        Set<String> profiles = ConcurrentHashMap.newKeySet();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        for (int i = 0; i < PARALLEL; i++) {
            String anon = "urn:anonymous_id:" + IntakeEndToEndTest.unique();
            pool.submit(() -> {
                start.await();
                Api.Response response = api.webhook(token, webhook("Viewed Product", IntakeEndToEndTest.unique(), List.of(email, anon)));
                statuses.add(response.status());
                profiles.add((String) response.json().get("profile_id"));
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(statuses).containsExactly(200);
        assertThat(profiles).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=" + email).json();
            assertThat(profile).containsEntry("profileId", profiles.iterator().next()).containsEntry("eventCount", PARALLEL);
            assertThat((List<String>) profile.get("aliases")).hasSize(PARALLEL + 1);
        });
    }
}
