package io.tributary.app;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Through HTTP on the embedded store: intake, decisions, then the event log, profiles, history and sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeEndToEndTest {

    @LocalServerPort
    int port;
    Api api;
    String serverToken;
    String serverSourceId;
    String browserToken;

    @BeforeEach
    void sources() {
        api = new Api(port);
        Map<String, Object> server = api.createSource("shop server", "server");
        serverToken = (String) server.get("token");
        serverSourceId = (String) server.get("id");
        browserToken = (String) api.createSource("shop web", "browser").get("token");
    }

    @Test
    void stitchesServerOrderToTheBrowserSessionItsAliasStarted() {
        String anon = "urn:anonymous_id:" + unique();
        String landing = "https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=black-friday";
        Api.Response collected = api.collect(browserToken, List.of(
                pixel("$page_load", null, landing, "https://l.facebook.com/", List.of(anon)),
                pixel("Started Checkout", null, "https://shop.example/checkout", "https://shop.example/cart",
                        List.of(anon, "urn:checkout_token:" + unique()))));
        assertThat(collected.status()).isEqualTo(200);
        assertThat(collected.json()).containsEntry("accepted", 2).containsEntry("duplicates", 0);

        String email = "urn:email:" + unique() + "@example.com";
        Map<String, Object> order = with(webhook("Placed Order", "order-" + unique(), List.of(anon, email.toUpperCase())),
                "properties", Map.of("total_price", "49.99", "currency", "EUR"));
        Api.Response placed = api.webhook(serverToken, order);

        assertThat(placed.status()).isEqualTo(200);
        Map<String, Object> outcome = placed.json();
        assertThat(outcome).containsEntry("status", "accepted").containsKey("profile_id");
        assertThat(outcome.get("session_id")).as("the order joins the browser session").isNotNull();
        String profileId = (String) outcome.get("profile_id");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=" + email).json();
            assertThat(profile).containsEntry("profileId", profileId).containsEntry("eventCount", 3);
            assertThat((List<String>) profile.get("aliases")).contains(anon, email);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> sessions = api.get("/api/profiles/" + profileId + "/sessions").jsonList();
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0)).containsEntry("channelGroup", "Paid Social").containsEntry("channel", "Meta Ads")
                    .containsEntry("campaign", "black-friday").containsEntry("eventCount", 3)
                    .containsEntry("landingUrl", landing);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> history = api.get("/api/profiles/" + profileId + "/history").jsonList();
            assertThat(history).extracting(d -> d.get("decision")).startsWith("profile_created", "alias_linked")
                    .contains("alias_linked");
            assertThat(history).anySatisfy(d -> {
                assertThat(d.get("decision")).isEqualTo("alias_linked");
                assertThat((List<String>) d.get("aliases")).containsExactly(email);
                assertThat(d.get("eventId")).isEqualTo(order.get("event_id"));
            });
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> log = api.get("/api/events?sourceId=" + serverSourceId).json();
            List<Map<String, Object>> items = (List<Map<String, Object>>) log.get("items");
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item).containsEntry("status", "accepted").containsEntry("eventName", "Placed Order")
                        .containsEntry("profileId", profileId).containsEntry("sessionId", outcome.get("session_id"));
                assertThat((Map<String, Object>) item.get("properties")).containsEntry("total_price", "49.99");
            });
        });
    }

    @Test
    void countsABrowserAndServerCopyOfOneOrderOnceYetStitchesTheServerCopysEmail() {
        String anon = "urn:anonymous_id:" + unique();
        String orderId = "order-" + unique();
        String email = "urn:email:" + unique() + "@example.com";
        api.collect(browserToken, List.of(pixel("Placed Order", orderId, "https://shop.example/thanks", null, List.of(anon))));

        Api.Response serverCopy = api.webhook(serverToken, webhook("Placed Order", orderId, List.of(email)));

        assertThat(serverCopy.status()).isEqualTo(200);
        assertThat(serverCopy.json()).containsEntry("status", "duplicate");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles?alias=" + anon).json();
            assertThat((List<String>) profile.get("aliases")).contains(anon, email);
            assertThat(profile).containsEntry("eventCount", 1);
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api
                    .get("/api/events?status=duplicate&sourceId=" + serverSourceId).json().get("items");
            assertThat(items).singleElement().satisfies(item ->
                    assertThat(item.get("reasons").toString()).contains("cross_source"));
        });
    }

    @Test
    void rejectsAnInvalidPayloadNamingEveryFieldAndKeepsIt() {
        Map<String, Object> invalid = Map.of("event_name", "", "properties", Map.of("a.b", 1, "$secret", 2),
                "aliases", List.of("not-an-alias"), "timestamp", "2024-01-01T00:00:00");

        Api.Response response = api.webhook(serverToken, invalid);

        assertThat(response.status()).isEqualTo(400);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("event_name", "event_id",
                "properties.a.b", "properties.$secret", "profile_properties", "aliases[0]", "timestamp");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api
                    .get("/api/events?status=rejected&sourceId=" + serverSourceId).json().get("items");
            assertThat(items).singleElement().satisfies(item -> {
                assertThat((List<String>) item.get("reasons")).hasSize(7);
                assertThat((String) item.get("payload")).contains("not-an-alias");
            });
        });
    }

    @Test
    void answersClientMistakesWithTheirOwnStatus() {
        Map<String, Object> valid = webhook("Viewed Product", unique(), List.of("urn:anonymous_id:" + unique()));
        assertThat(api.webhook("wrong-token", valid).status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/webhooks", "application/json", Api.write(valid)).status()).isEqualTo(401);
        assertThat(api.webhook(browserToken, valid).status()).as("browser tokens only append from browsers").isEqualTo(403);
        assertThat(api.send("POST", "/api/webhooks", "text/plain", Api.write(valid), "X-Webhook-Token", serverToken)
                .status()).isEqualTo(415);
        Map<String, Object> huge = with(webhook("Viewed Product", unique(), List.of("urn:anonymous_id:x1")),
                "properties", Map.of("blob", "x".repeat(33 * 1024)));
        assertThat(api.webhook(serverToken, huge).status()).isEqualTo(413);
        assertThat(api.send("POST", "/api/webhooks", "application/json", "{not json", "X-Webhook-Token", serverToken)
                .status()).isEqualTo(400);
        assertThat(api.send("GET", "/api/sources", null, null).status()).as("admin endpoints need the token").isEqualTo(401);
    }

    @Test
    void clampsTimestampsFarInTheFutureAndAcceptsUnixSeconds() {
        String anon = "urn:anonymous_id:" + unique();
        Map<String, Object> future = with(webhook("Viewed Product", unique(), List.of(anon)), "timestamp",
                Instant.now().plus(Duration.ofDays(3)).toString());
        Map<String, Object> unix = with(webhook("Viewed Product", unique(), List.of(anon)), "timestamp", 1_700_000_000);

        assertThat(api.webhook(serverToken, future).status()).isEqualTo(200);
        assertThat(api.webhook(serverToken, unix).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api
                    .get("/api/events?sourceId=" + serverSourceId).json().get("items");
            assertThat(items).extracting(i -> i.get("timestamp")).contains("2023-11-14T22:13:20Z");
            assertThat(items).allSatisfy(i -> assertThat(Instant.parse((String) i.get("timestamp")))
                    .isBefore(Instant.now().plus(Duration.ofHours(1))));
        });
    }

    @Test
    void mergesTwoProfilesThatAnEventLinksAndMovesTheirSessions() {
        String phoneAnon = "urn:anonymous_id:" + unique();
        String laptopAnon = "urn:anonymous_id:" + unique();
        String first = (String) api.webhook(serverToken, webhook("Viewed Product", unique(), List.of(laptopAnon))).json().get("profile_id");
        api.collect(browserToken, List.of(pixel("$page_load", null, "https://shop.example/?gclid=abc", null, List.of(phoneAnon))));
        String email = "urn:email:" + unique() + "@example.com";
        api.webhook(serverToken, webhook("Identify", unique(), List.of(phoneAnon, email)));

        Map<String, Object> linking = api.webhook(serverToken, webhook("Placed Order", unique(), List.of(laptopAnon, email))).json();

        assertThat(linking.get("profile_id")).as("the oldest profile survives").isEqualTo(first);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> survivor = api.get("/api/profiles/" + first).json();
            assertThat((List<String>) survivor.get("aliases")).contains(phoneAnon, laptopAnon, email);
            assertThat((List<String>) survivor.get("mergedProfileIds")).hasSize(1);
            String mergedId = ((List<String>) survivor.get("mergedProfileIds")).get(0);
            assertThat(api.get("/api/profiles/" + mergedId).json()).containsEntry("profileId", first);
            assertThat(api.get("/api/profiles/" + first + "/sessions").jsonList()).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("profileId", first).containsEntry("channel", "Google Ads"));
            assertThat(api.get("/api/profiles/" + first + "/history").jsonList()).extracting(d -> d.get("decision"))
                    .contains("profiles_merged");
        });
    }

    @Test
    void blocksAMergeThatWouldGiveOneProfileTwoUserIds() {
        String alice = "urn:user_id:" + unique();
        String bob = "urn:user_id:" + unique();
        String aliceProfile = (String) api.webhook(serverToken, webhook("Login", unique(), List.of(alice))).json().get("profile_id");
        String bobProfile = (String) api.webhook(serverToken, webhook("Login", unique(), List.of(bob))).json().get("profile_id");

        Map<String, Object> shared = api.webhook(serverToken, webhook("Placed Order", unique(), List.of(bob, alice))).json();

        assertThat(shared.get("profile_id")).isIn(aliceProfile, bobProfile);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(api.get("/api/profiles/" + aliceProfile + "/history").jsonList()).anySatisfy(d ->
                    assertThat(d).containsEntry("decision", "merge_blocked").containsEntry("rule", "limit:user_id:1"));
            assertThat(api.get("/api/profiles/" + bobProfile + "/history").jsonList()).anySatisfy(d ->
                    assertThat(d).containsEntry("decision", "merge_blocked"));
            assertThat(api.get("/api/profiles/" + aliceProfile).json().get("mergedProfileIds")).isEqualTo(List.of());
        });
    }

    @Test
    void recordsBlockedAliasValuesButStillAcceptsTheEvent() {
        String anon = "urn:anonymous_id:" + unique();
        Map<String, Object> outcome = api.webhook(serverToken,
                webhook("Viewed Product", unique(), List.of(anon, "urn:email:undefined", "urn:user_id:null"))).json();

        assertThat(outcome).containsEntry("status", "accepted");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> history = api.get("/api/profiles/" + outcome.get("profile_id") + "/history").jsonList();
            assertThat(history).filteredOn(d -> "alias_blocked".equals(d.get("decision"))).hasSize(2)
                    .allSatisfy(d -> assertThat(d).containsEntry("rule", "blocked_value"));
            assertThat(api.get("/api/profiles?alias=urn:email:undefined").status()).isEqualTo(404);
        });
    }

    @Test
    void collectAcceptsTheValidEventsOfABatchAndReportsTheInvalidOnes() {
        String anon = "urn:anonymous_id:" + unique();
        Api.Response response = api.collect(browserToken, List.of(
                pixel("$page_load", null, "https://shop.example/", null, List.of(anon)),
                Map.of("method", "track", "eventName", "No Alias"),
                pixel("Viewed Product", "vp-" + unique(), "https://shop.example/p/1", null, List.of(anon))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("accepted", 2).containsEntry("duplicates", 0);
        assertThat((List<Map<String, Object>>) response.json().get("rejected")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("index", 1));
        assertThat(api.send("POST", "/api/collect/" + serverToken, "text/plain", "{\"events\":[]}").status())
                .as("a server token is not a browser source").isEqualTo(403);
        Api.Response preflight = api.send("OPTIONS", "/api/collect/" + browserToken, null, null,
                "Origin", "https://shop.example", "Access-Control-Request-Method", "POST");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void refusesEventsOfADisabledSource() {
        Map<String, Object> source = api.createSource("to disable", "server");
        api.admin("POST", "/api/sources/" + source.get("id") + "/disable", null);
        Api.Response response = api.webhook((String) source.get("token"),
                webhook("Viewed Product", unique(), List.of("urn:anonymous_id:" + unique())));
        assertThat(response.status()).isEqualTo(403);
    }

    static String unique() {
        return java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
