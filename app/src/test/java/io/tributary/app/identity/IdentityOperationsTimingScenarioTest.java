package io.tributary.app.identity;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The performance bound of issue 17, measured rather than asserted: a profile of 10,000 tracked events that absorbed
 * 100 others, then a split, a manual merge and a quarantine with split on it (the split and the quarantine asked with
 * the production wait: the time to the answer, and to done when the answer was a 202). The times are written to
 * {@code app/target/identity-operations-timings.txt} (and the log); the test checks only that each did its job. It
 * takes minutes, so it runs only when asked: {@code -Dtributary.identity.timing=true}. (The merged profiles own
 * cart tokens, which have no limit: 100 more anonymous ids would pass the default limit of 100.)
 */
@EnabledIfSystemProperty(named = "tributary.identity.timing", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityOperationsTimingScenarioTest {

    static final int EVENTS = 10_000;
    static final int MERGES = 100;
    static final int BATCH = 500;
    /** The production default of {@code tributary.identity.operations.answer-within} (the test profile waits more). */
    static final int WAIT_MILLIS = 1000;

    @LocalServerPort
    int port;

    @Test
    void reportsHowLongEachActionTakesOnABigProfile() throws IOException {
        Api api = new Api(port);
        String browserToken = (String) api.createSource("timing web " + UUID.randomUUID(), "browser").get("token");
        String main = "urn:anonymous_id:" + UUID.randomUUID();
        String glue = "urn:email:glue-" + UUID.randomUUID() + "@example.com";
        Instant at = Instant.parse("2018-01-01T00:00:00Z");
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(page(List.of(main, glue), at));
        for (int i = 1; i < EVENTS; i++) {
            batch.add(page(List.of(main), at.plusSeconds(60L * i)));
            if (batch.size() == BATCH) {
                send(api, browserToken, batch);
            }
        }
        send(api, browserToken, batch);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < MERGES; i++) {
            others.add("urn:cart_token:" + UUID.randomUUID());
            batch.add(page(List.of(others.get(i)), at.minusSeconds(3600L * (i + 1)).plusSeconds(3600L * 24 * 400)));
        }
        send(api, browserToken, batch);
        for (int i = 0; i < MERGES; i++) {
            batch.add(page(List.of(others.get(i), glue), at.plusSeconds(3600L * 24 * 500 + i)));
        }
        send(api, browserToken, batch);
        await().atMost(Duration.ofMinutes(3)).until(() -> api.get("/api/profiles?alias=" + main).status() == 200
                && ((List<?>) api.get("/api/profiles?alias=" + main).json().get("mergedProfileIds")).size() == MERGES);
        Map<String, Object> profile = api.get("/api/profiles?alias=" + main).json();
        String survivor = (String) profile.get("profileId");
        String oneMerged = ((List<String>) profile.get("mergedProfileIds")).get(MERGES / 2);

        List<String> report = new ArrayList<>(List.of("profile of " + profile.get("eventCount") + " events and "
                + MERGES + " merges, embedded memory store, one JVM"));
        Map<String, Object> split = operation(api, report, "split one merge", "/api/profiles/" + survivor
                + "/split", Map.of("mergedProfileId", oneMerged, "reason", "timing"));
        Api.Response merge = timed(report, "merge it back by hand", () -> api.admin("POST", "/api/profiles/" + survivor
                + "/merge", Map.of("otherProfileId", oneMerged, "reason", "timing")));
        Map<String, Object> quarantine = operation(api, report, "quarantine the glue with split (undoes the "
                + (MERGES - 1) + " merges it glued; the one merged back by hand had no glue)",
                "/api/identity/quarantine", Map.of("alias", glue, "reason", "timing", "split", true));
        Api.Response asOf = timed(report, "as-of read", () -> api.get("/api/profiles/" + survivor + "?asOf="
                + Instant.now()));
        Map<String, Object> oldSplit = splitAnOldMerge(api, browserToken, report);
        Files.write(Path.of("target", "identity-operations-timings.txt"), report);
        System.out.println(String.join("\n", report));

        assertThat(split).containsEntry("outcome", "split");
        assertThat(merge.json()).containsEntry("outcome", "merged");
        assertThat((List<?>) quarantine.get("others")).hasSize(MERGES - 1);
        assertThat(asOf.status()).isEqualTo(200);
        assertThat(oldSplit).containsEntry("outcome", "split");
    }

    /**
     * The worst case for one split: a merge at the start of a profile's history, with all its 10,000 tracked events
     * after it (a split deserialises the events recorded since the merge it undoes).
     */
    private static Map<String, Object> splitAnOldMerge(Api api, String token, List<String> report) {
        String early = "urn:anonymous_id:" + UUID.randomUUID();
        String cart = "urn:cart_token:" + UUID.randomUUID();
        String glue = "urn:email:early-" + UUID.randomUUID() + "@example.com";
        Instant at = Instant.parse("2016-01-01T00:00:00Z");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (List<String> aliases : List.of(List.of(cart), List.of(early, glue), List.of(cart, glue))) {
            at = at.plusSeconds(60);
            batch.add(page(aliases, at));
            send(api, token, batch);
        }
        for (int i = 0; i < EVENTS; i++) {
            batch.add(page(List.of(early), at.plusSeconds(60L * (i + 1))));
            if (batch.size() == BATCH) {
                send(api, token, batch);
            }
        }
        send(api, token, batch);
        await().atMost(Duration.ofMinutes(3)).until(() -> api.get("/api/profiles?alias=" + early).status() == 200
                && ((Number) api.get("/api/profiles?alias=" + early).json().get("eventCount")).intValue() > EVENTS);
        Map<String, Object> profile = api.get("/api/profiles?alias=" + early).json();
        String merged = ((List<String>) profile.get("mergedProfileIds")).get(0);
        return operation(api, report, "split a merge older than the profile's " + profile.get("eventCount")
                + " events", "/api/profiles/" + profile.get("profileId") + "/split",
                Map.of("mergedProfileId", merged, "reason", "timing"));
    }

    /**
     * A split or quarantine with split asked for with the production wait ({@link #WAIT_MILLIS}): how long until it
     * answered, and, when it answered 202, until its operation was done. Answers the outcome.
     */
    private static Map<String, Object> operation(Api api, List<String> report, String what, String path,
                                                 Map<String, Object> body) {
        long start = System.nanoTime();
        Api.Response answer = api.admin("POST", path + "?wait=" + WAIT_MILLIS, body);
        long answered = (System.nanoTime() - start) / 1_000_000;
        if (answer.status() != 202) {
            assertThat(answer.status()).as(answer.body()).isIn(200, 201);
            report.add(what + ": answered " + answer.status() + " with the outcome in " + answered + " ms");
            return answer.json();
        }
        String location = answer.header("Location");
        List<String> progress = new ArrayList<>();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> operation = api.get(location).json();
            progress.add(operation.get("mergesUndone") + "/" + operation.get("mergesTotal"));
            return !"running".equals(operation.get("status"));
        });
        long finished = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> operation = api.get(location).json();
        assertThat(operation).as(operation.toString()).containsEntry("status", "done");
        report.add(what + ": answered 202 in " + answered + " ms, done in " + finished + " ms (progress seen: "
                + progress.stream().distinct().toList() + ")");
        return (Map<String, Object>) operation.get("result");
    }

    private static Api.Response timed(List<String> report, String what, Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        report.add(what + ": " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return response;
    }

    private static Map<String, Object> page(List<String> aliases, Instant at) {
        return with(pixel("$page_load", null, "https://shop.example/", null, aliases), "timestamp", at.toString());
    }

    private static void send(Api api, String token, List<Map<String, Object>> batch) {
        if (!batch.isEmpty()) {
            Api.Response response = api.collect(token, List.copyOf(batch));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            batch.clear();
        }
    }
}
