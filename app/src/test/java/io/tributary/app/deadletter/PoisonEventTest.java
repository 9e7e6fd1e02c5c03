package io.tributary.app.deadletter;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import io.tributary.api.ingestion.EventRecorded;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.app.StoredText;
import io.tributary.query.eventlog.EventLogProjection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An event the event-log projection throws on is set aside in its dead-letter queue; the events after it reach every
 * read model; once the fault is fixed, a retry through HTTP handles it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class PoisonEventTest {

    private static final AtomicBoolean FAULTY = new AtomicBoolean(true);

    @LocalServerPort
    int port;
    @MockitoSpyBean
    EventLogProjection eventLog;
    @Autowired
    MongoDatabase database;

    /** The event log throws on every event named Poison… while the fault is on. */
    @BeforeEach
    void faultyEventLog() {
        FAULTY.set(true);
        doAnswer(call -> {
            EventRecorded event = call.getArgument(0);
            if (FAULTY.get() && event.event().eventName().startsWith("Poison")) {
                throw new IllegalStateException("cannot log " + event.event().eventName());
            }
            return call.callRealMethod();
        }).when(eventLog).on(any(EventRecorded.class));
    }

    @Test
    void setsAPoisonEventAsideLetsLaterEventsThroughAndRetriesItOnceFixed() throws Exception {
        Api api = new Api(port);
        Map<String, Object> source = api.createSource("poison server", "server");
        String token = (String) source.get("token");
        String laterAlias = "urn:email:" + unique() + "@example.com";
        String poisonEmail = unique() + "@example.com";

        assertThat(api.webhook(token, webhook("Poison Order", "p-" + unique(),
                List.of("urn:email:" + poisonEmail))).status()).isEqualTo(200);
        String laterProfile = (String) api.webhook(token, webhook("Later Event", "l-" + unique(),
                List.of(laterAlias))).json().get("profile_id");

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/dead-letters").jsonList(), list -> list.size() == 1).get(0);
        assertThat(letter).containsEntry("processingGroup", "event-log");
        assertThat((Map<String, Object>) letter.get("event")).containsEntry("type", "EventRecorded")
                .containsKey("id").extractingByKey("recordId").isNotNull();
        assertThat((Map<String, Object>) letter.get("error")).containsEntry("type", IllegalStateException.class.getName())
                .containsEntry("message", "cannot log Poison Order");
        assertThat(((Number) letter.get("attempts")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(letter).containsKeys("enqueuedAt", "lastTouchedAt");
        assertThat(StoredText.of(database, "deadletters")).as("the copy a dead letter holds is sealed")
                .contains("urn:email:pd:v1:").doesNotContain(poisonEmail);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(eventNames(api, "Later Event")).containsExactly("Later Event");
            assertThat(api.get("/api/profiles?alias=" + laterAlias).json()).containsEntry("profileId", laterProfile);
            assertThat(api.get("/api/sources/" + source.get("id")).json()).containsEntry("acceptedCount", 2);
            assertThat(api.get("/api/profiles/" + laterProfile + "/history").jsonList()).isNotEmpty();
        });
        assertThat(eventNames(api, "Poison Order")).as("set aside, not logged").isEmpty();
        assertThat(api.get("/api/projections").jsonList()).allSatisfy(projection -> assertThat(projection.get("deadLetters"))
                .isEqualTo("event-log".equals(projection.get("name")) ? 1 : 0));

        String page = dashboardPage("/dashboard/dead-letters");
        assertThat(page).contains("event-log").contains("EventRecorded").contains("cannot log Poison Order")
                .contains("/dashboard/dead-letters/" + letter.get("id") + "/retry");
        assertThat(dashboardPage("/dashboard/projections")).containsPattern("class=\"badge bad\"[^>]*>1<");

        String id = (String) letter.get("id");
        Api.Response stillFaulty = api.admin("POST", "/api/dead-letters/" + id + "/retry", null);
        assertThat(stillFaulty.status()).isEqualTo(200);
        assertThat(stillFaulty.json()).containsEntry("handled", false);
        assertThat(((Number) ((Map<String, Object>) stillFaulty.json().get("deadLetter")).get("attempts")).intValue())
                .isEqualTo(((Number) letter.get("attempts")).intValue() + 1);

        FAULTY.set(false);
        Api.Response fixed = api.admin("POST", "/api/dead-letters/" + id + "/retry", null);
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.json()).containsEntry("handled", true);
        assertThat(api.get("/api/dead-letters").jsonList()).isEmpty();
        assertThat(eventNames(api, "Poison Order")).containsExactly("Poison Order");
        assertThat(api.admin("POST", "/api/dead-letters/" + id + "/retry", null).status()).isEqualTo(404);
    }

    @Test
    void evictsADeadLetterWithoutHandlingIt() {
        Api api = new Api(port);
        String token = (String) api.createSource("evicted server", "server").get("token");
        api.webhook(token, webhook("Poison Evicted", "e-" + unique(),
                List.of("urn:email:" + unique() + "@example.com")));
        Map<String, Object> letter = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/dead-letters").jsonList(), list -> !list.isEmpty()).get(0);

        assertThat(api.admin("DELETE", "/api/dead-letters/" + letter.get("id"), null).status()).isEqualTo(204);

        assertThat(api.get("/api/dead-letters").jsonList()).isEmpty();
        assertThat(api.admin("DELETE", "/api/dead-letters/" + letter.get("id"), null).status()).isEqualTo(404);
        assertThat(api.admin("DELETE", "/api/dead-letters/not-an-id", null).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/dead-letters", null, null).status()).as("admin only").isEqualTo(401);
    }

    /** A dashboard page as a logged-in admin sees it. */
    private String dashboardPage(String path) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + Api.ADMIN_TOKEN)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String unique() {
        return java.util.UUID.randomUUID().toString();
    }

    private static List<String> eventNames(Api api, String name) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/events?eventName="
                + name.replace(" ", "%20")).json().get("items");
        return items.stream().map(item -> (String) item.get("eventName")).toList();
    }
}
