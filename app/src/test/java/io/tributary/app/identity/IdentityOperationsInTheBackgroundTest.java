package io.tributary.app.identity;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.identity.IdentityProgress;
import io.tributary.app.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Splits and quarantines with split that do not finish within the wait: 202 with the operation, its progress, then
 * its outcome; one operation per profile; an operation whose node stopped is shown interrupted. The test holds the
 * operations' threads shut, or an operation after its first merge undone, until it lets them go on, so "still
 * running" never depends on the machine's speed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityOperationsInTheBackgroundTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(90);

    @TestConfiguration
    static class HeldThreads {
        @Bean
        @Primary
        GatedThreads gatedThreads() {
            return new GatedThreads();
        }

        @Bean
        @Primary
        PausingProgress pausingProgress(IdentityOperationProgress stored) {
            return new PausingProgress(stored);
        }
    }

    /** Passes progress on; when armed, holds the operation after its first merge undone until released. */
    static class PausingProgress implements IdentityProgress {
        private final IdentityProgress stored;
        private volatile CountDownLatch pause;

        PausingProgress(IdentityProgress stored) {
            this.stored = stored;
        }

        CountDownLatch arm() {
            pause = new CountDownLatch(1);
            return pause;
        }

        @Override
        public void progressed(String operationId, int undone, int known, int movedRecords) {
            stored.progressed(operationId, undone, known, movedRecords);
            CountDownLatch armed = pause;
            if (armed != null && undone == 1) {
                pause = null;
                try {
                    armed.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Runs nothing while shut; opening it runs what waited, and from then on runs at once. */
    static class GatedThreads extends IdentityOperationThreads {
        private final List<Runnable> waiting = new ArrayList<>();
        private boolean open = true;

        @Override
        public synchronized void execute(Runnable task) {
            if (open) {
                super.execute(task);
            } else {
                waiting.add(task);
            }
        }

        synchronized void shut() {
            open = false;
        }

        synchronized void open() {
            open = true;
            waiting.forEach(super::execute);
            waiting.clear();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    GatedThreads threads;
    @Autowired
    PausingProgress progress;
    @Autowired
    MongoDatabase database;
    Api api;
    String browserToken;
    String serverToken;

    @BeforeEach
    void source() {
        api = new Api(port);
        browserToken = (String) api.createSource("web " + UUID.randomUUID(), "browser").get("token");
        serverToken = (String) api.createSource("server " + UUID.randomUUID(), "server").get("token");
    }

    @AfterEach
    void letEverythingRun() {
        threads.open();
        progress.arm().countDown();
    }

    @Test
    void answersASplitThatIsStillRunningWith202AndShowsItUntilItIsDone() {
        Pair background = mergedPair("2019-11-01");
        Pair synchronous = mergedPair("2019-11-02");
        threads.shut();

        Api.Response accepted = split(background, "?wait=0");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        Map<String, Object> operation = accepted.json();
        String location = accepted.header("Location");
        assertThat(location).isEqualTo("/api/identity/operations/" + operation.get("id"));
        assertThat(operation).containsEntry("kind", "split").containsEntry("profileId", background.survivor)
                .containsEntry("status", "running").containsEntry("mergesUndone", 0).containsEntry("result", null);
        assertThat(api.get(location).json()).containsEntry("status", "running");

        threads.open();
        await().atMost(READ_SIDE).until(() -> !"running".equals(api.get(location).json().get("status")));
        Map<String, Object> done = api.get(location).json();
        Api.Response inline = split(synchronous, "");
        assertThat(inline.status()).as(inline.body()).isEqualTo(200);
        assertThat(done).containsEntry("status", "done").containsEntry("mergesUndone", 1)
                .containsEntry("mergesTotal", 1).containsEntry("movedRecords", 1).containsEntry("error", null);
        assertThat((Map<String, Object>) done.get("result")).containsEntry("outcome", "split")
                .containsEntry("profileId", background.survivor).containsEntry("others", List.of(background.merged))
                .containsEntry("movedRecords", inline.json().get("movedRecords"));
        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(state(background)).as("the background split ends as the synchronous one")
                    .isEqualTo(state(synchronous));
            assertThat(api.get("/api/profiles?alias=" + background.mergedAlias).json())
                    .containsEntry("profileId", background.merged);
        });
    }

    @Test
    void refusesASecondOperationOnAProfileWhileOneRunsNamingIt() {
        Pair pair = mergedPair("2019-11-03");
        threads.shut();
        Api.Response first = split(pair, "?wait=0");
        assertThat(first.status()).as(first.body()).isEqualTo(202);

        Api.Response second = split(pair, "?wait=0");

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json()).containsEntry("id", first.json().get("id")).containsEntry("status", "running");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        threads.open();
        await().atMost(READ_SIDE).until(() -> "done".equals(api.get(first.header("Location")).json().get("status")));
        Api.Response afterwards = split(pair, "");
        assertThat(afterwards.status()).as("the merge is undone already, and the profile is free: " + afterwards.body())
                .isEqualTo(422);
    }

    @Test
    void runsAQuarantineWithSplitInTheBackgroundAndCountsTheMergesItUndoes() {
        String email = "urn:email:glue-" + UUID.randomUUID() + "@example.com";
        List<String> people = List.of(anon(), anon(), anon());
        for (int i = 0; i < people.size(); i++) {
            page(List.of(people.get(i)), "2019-11-04T10:0" + i + ":00Z");
            signedUp(List.of(people.get(i), email), "2019-11-04T11:0" + i + ":00Z");
        }
        await().atMost(READ_SIDE).until(() -> mergedProfileIds(people.get(0)).size() == 2);
        CountDownLatch pause = progress.arm();

        Api.Response accepted = api.admin("POST", "/api/identity/quarantine?wait=0",
                Map.of("alias", email, "reason", "the shop's own address", "split", true));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json()).containsEntry("kind", "quarantine");
        String location = accepted.header("Location");
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(api.get(location).json())
                .as("halfway: one merge undone").containsEntry("status", "running")
                .containsEntry("mergesUndone", 1).containsEntry("result", null));
        pause.countDown();
        await().atMost(READ_SIDE).until(() -> !"running".equals(api.get(location).json().get("status")));
        Map<String, Object> done = api.get(location).json();
        assertThat(done).containsEntry("status", "done").containsEntry("mergesUndone", 2)
                .containsEntry("mergesTotal", 2);
        assertThat((Map<String, Object>) done.get("result")).containsEntry("outcome", "quarantined");
        assertThat((List<?>) ((Map<String, Object>) done.get("result")).get("others")).hasSize(2);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(people.stream()
                .map(alias -> api.get("/api/profiles?alias=" + alias).json().get("profileId")).distinct()).hasSize(3));
    }

    @Test
    void showsASplitInTheBackgroundThatFoundNoMergeToUndoAsFailedWithTheReason() {
        Pair pair = mergedPair("2019-11-06");

        Api.Response accepted = api.admin("POST", "/api/profiles/" + pair.survivor + "/split?wait=0",
                Map.of("aliases", List.of(anon()), "reason", "no merge brought this alias"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String location = accepted.header("Location");
        await().atMost(READ_SIDE).until(() -> !"running".equals(api.get(location).json().get("status")));
        Map<String, Object> failed = api.get(location).json();
        assertThat(failed).containsEntry("status", "failed").containsEntry("mergesUndone", 0);
        assertThat((String) failed.get("error")).isEqualTo("no merge directly into " + pair.survivor + " brought that");
        assertThat((Map<String, Object>) failed.get("result")).containsEntry("outcome", "not_merged");
        assertThat(api.get("/api/profiles/" + pair.merged).json()).as("nothing was split")
                .containsEntry("profileId", pair.survivor);
    }

    @Test
    void showsAnOperationWhoseNodeStoppedAsInterruptedAndFreesItsProfile() {
        Pair pair = mergedPair("2019-11-05");
        String stranded = UUID.randomUUID().toString();
        database.getCollection("identity_operations").insertOne(new Document("_id", stranded).append("kind", "split")
                .append("profileId", pair.survivor).append("status", "running").append("node", "gone-" + stranded)
                .append("mergesUndone", 0).append("mergesTotal", 1).append("movedRecords", 0)
                .append("startedAt", new Date()));
        database.getCollection("identity_operation_locks").insertOne(new Document("_id", pair.survivor)
                .append("operationId", stranded));

        Api.Response split = split(pair, "");

        assertThat(split.status()).as("a lock left by a stopped node does not hold the profile: " + split.body())
                .isEqualTo(200);
        Map<String, Object> interrupted = api.get("/api/identity/operations/" + stranded).json();
        assertThat(interrupted).containsEntry("status", "interrupted");
        assertThat((String) interrupted.get("error")).contains("node stopped");
    }

    @Test
    void refusesAWaitThatIsNotAWholeNumberOfMillisecondsAndAnUnknownOperation() {
        Api.Response split = api.admin("POST", "/api/profiles/anyone/split?wait=soon",
                Map.of("mergedProfileId", "other", "reason", "x"));
        assertThat(split.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) split.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactly("wait");
        assertThat(api.get("/api/identity/operations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    /** Two profiles of one day, two pages each, merged by hand. */
    private Pair mergedPair(String day) {
        String ann = anon();
        String bob = anon();
        page(List.of(ann), day + "T10:00:00Z");
        page(List.of(bob), day + "T11:00:00Z");
        String annId = awaitProfile(ann);
        String bobId = awaitProfile(bob);
        Api.Response merged = api.admin("POST", "/api/profiles/" + annId + "/merge",
                Map.of("otherProfileId", bobId, "reason", "same person"));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        page(List.of(bob), day + "T11:10:00Z");
        await().atMost(READ_SIDE).until(() -> ((Number) api.get("/api/profiles/" + annId).json().get("eventCount"))
                .intValue() == 3);
        return new Pair(annId, bobId, ann, bob);
    }

    private Api.Response split(Pair pair, String query) {
        return api.admin("POST", "/api/profiles/" + pair.survivor + "/split" + query,
                Map.of("mergedProfileId", pair.merged, "reason", "not the same person"));
    }

    /** What a split leaves, without the ids: each side's aliases, events and sessions. */
    private List<Object> state(Pair pair) {
        List<Object> state = new ArrayList<>();
        for (String id : List.of(pair.survivor, pair.merged)) {
            Map<String, Object> profile = api.get("/api/profiles/" + id).json();
            state.add(List.of(profile.get("profileId").equals(id), ((List<?>) profile.get("aliases")).size(),
                    profile.get("eventCount"), profile.get("mergedProfileIds"),
                    api.get("/api/profiles/" + id + "/sessions").jsonList().size()));
        }
        return state;
    }

    private List<?> mergedProfileIds(String alias) {
        Api.Response profile = api.get("/api/profiles?alias=" + alias);
        return profile.status() == 200 ? (List<?>) profile.json().get("mergedProfileIds") : List.of();
    }

    private String awaitProfile(String alias) {
        await().atMost(READ_SIDE).until(() -> api.get("/api/profiles?alias=" + alias).status() == 200);
        return (String) api.get("/api/profiles?alias=" + alias).json().get("profileId");
    }

    private void page(List<String> aliases, String timestamp) {
        Api.Response response = api.collect(browserToken, List.of(with(pixel("$page_load", null,
                "https://shop.example/", null, aliases), "timestamp", timestamp)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void signedUp(List<String> aliases, String timestamp) {
        Api.Response response = api.webhook(serverToken, with(webhook("Signed Up", UUID.randomUUID().toString(),
                aliases), "timestamp", timestamp));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String anon() {
        return "urn:anonymous_id:" + UUID.randomUUID();
    }

    private record Pair(String survivor, String merged, String survivorAlias, String mergedAlias) {
    }
}
