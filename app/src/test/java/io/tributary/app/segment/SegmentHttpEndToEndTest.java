package io.tributary.app.segment;

import static io.tributary.app.segment.SegmentHttp.basic;
import static io.tributary.app.segment.SegmentHttp.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Segment HTTP Tracking API on the wire: auth, any content type, gzip and deflate, limits, batches with invalid
 * messages, browser sources.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class SegmentHttpEndToEndTest {

    @LocalServerPort
    int port;
    Api api;
    SegmentHttp segment;
    String serverToken;
    String serverSourceId;

    @BeforeEach
    void sources() {
        api = new Api(port);
        segment = new SegmentHttp(port);
        Map<String, Object> server = api.createSource("segment http " + unique(), "server");
        serverToken = (String) server.get("token");
        serverSourceId = (String) server.get("id");
    }

    @Test
    void acceptsTheWriteKeyAsBasicUserNameOrInTheBody() {
        String anonymousId = "anon-" + unique();

        Api.Response basic = segment.post("/v1/track", Api.write(track(anonymousId, "Basic Auth")),
                "Authorization", basic(serverToken));
        Api.Response inBody = segment.post("/v1/t", Api.write(with(track(anonymousId, "Write Key"), "writeKey", serverToken)),
                "Content-Type", "text/plain");

        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.json()).isEqualTo(Map.of("success", true));
        assertThat(inBody.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events("sourceId=" + serverSourceId))
                .extracting(i -> i.get("eventName")).containsExactlyInAnyOrder("Basic Auth", "Write Key"));
    }

    @Test
    void readsJsonWhateverTheContentTypeAndDecodesGzipAndDeflate() {
        String anonymousId = "anon-" + unique();
        String auth = basic(serverToken);

        Api.Response form = segment.postBare("/v1/batch", gzip(Api.write(Map.of("batch", List.of(track(anonymousId, "Form"))))),
                "Authorization", auth, "Content-Encoding", "gzip", "Content-Type", "application/x-www-form-urlencoded");
        Api.Response none = segment.postBare("/v1/track", Api.write(track(anonymousId, "No Type")).getBytes(),
                "Authorization", auth);
        Api.Response octets = segment.postBare("/v1/track", Api.write(track(anonymousId, "Octets")).getBytes(),
                "Authorization", auth, "Content-Type", "application/octet-stream");
        Api.Response zlib = segment.post("/v1/track", SegmentHttp.deflate(Api.write(track(anonymousId, "Zlib")), false),
                "Authorization", auth, "Content-Encoding", "deflate");
        Api.Response rawDeflate = segment.post("/v1/track", SegmentHttp.deflate(Api.write(track(anonymousId, "Raw")), true),
                "Authorization", auth, "Content-Encoding", "Deflate");
        Api.Response xGzip = segment.post("/v1/track", gzip(Api.write(track(anonymousId, "X Gzip"))),
                "Authorization", auth, "Content-Encoding", "x-gzip");

        assertThat(List.of(form, none, octets, zlib, rawDeflate, xGzip)).extracting(Api.Response::status)
                .containsOnly(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events("sourceId=" + serverSourceId))
                .extracting(i -> i.get("eventName"))
                .containsExactlyInAnyOrder("Form", "No Type", "Octets", "Zlib", "Raw", "X Gzip"));
    }

    @Test
    void refusesUnknownEncodingsAndLimitsTheDecodedSizeOfDeflateBodies() {
        Map<String, Object> huge = with(track("anon-" + unique(), "Huge"), "properties", Map.of("blob", "x".repeat(40 * 1024)));
        String auth = basic(serverToken);

        Api.Response brotli = segment.post("/v1/track", Api.write(track("anon-" + unique(), "Br")),
                "Authorization", auth, "Content-Encoding", "br");
        Api.Response bomb = segment.post("/v1/track", SegmentHttp.deflate(Api.write(huge), false),
                "Authorization", auth, "Content-Encoding", "deflate");
        Api.Response corrupt = segment.post("/v1/track", "not deflate".getBytes(),
                "Authorization", auth, "Content-Encoding", "deflate");

        assertThat(brotli.status()).isEqualTo(415);
        assertThat(brotli.body()).contains("Content-Encoding").contains("gzip, deflate or identity");
        assertThat(SegmentHttp.deflate(Api.write(huge), false).length).as("small once compressed").isLessThan(32 * 1024);
        assertThat(bomb.status()).isEqualTo(413);
        assertThat(bomb.body()).contains("once decoded");
        assertThat(corrupt.status()).isEqualTo(400);
        assertThat(corrupt.body()).contains("is not valid deflate");
    }

    @Test
    void refusesMissingUnknownAndDisabledWriteKeys() {
        String message = Api.write(track("anon-" + unique(), "Refused"));
        Map<String, Object> disabled = api.createSource("disabled " + unique(), "server");
        api.admin("POST", "/api/sources/" + disabled.get("id") + "/disable", null);

        Api.Response missing = segment.post("/v1/track", message);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json()).containsEntry("success", false).containsKey("message");
        assertThat(segment.post("/v1/track", message, "Authorization", basic("not-a-token")).status()).isEqualTo(401);
        assertThat(segment.post("/v1/track", message, "Authorization", "Bearer " + serverToken).status()).isEqualTo(401);
        assertThat(segment.post("/v1/track", Api.write(with(track("a", "E"), "writeKey", "not-a-token"))).status())
                .isEqualTo(401);
        assertThat(segment.post("/v1/track", message, "Authorization", basic((String) disabled.get("token"))).status())
                .isEqualTo(403);
    }

    @Test
    void readsGzipBodiesAndLimitsTheirDecompressedSize() {
        String anonymousId = "anon-" + unique();
        Map<String, Object> huge = with(track(anonymousId, "Huge"), "properties", Map.of("blob", "x".repeat(40 * 1024)));
        List<Object> bigBatch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bigBatch.add(with(track(anonymousId, "Part"), "properties", Map.of("blob", "y".repeat(30 * 1024))));
        }
        String auth = basic(serverToken);

        Api.Response compressed = segment.post("/v1/track", gzip(Api.write(track(anonymousId, "Compressed"))),
                "Authorization", auth, "Content-Encoding", "gzip");
        Api.Response bomb = segment.post("/v1/track", gzip(Api.write(huge)), "Authorization", auth, "Content-Encoding", "gzip");
        Api.Response bigBatchResponse = segment.post("/v1/batch", gzip(Api.write(Map.of("batch", bigBatch))),
                "Authorization", auth, "Content-Encoding", "gzip");

        assertThat(compressed.status()).isEqualTo(200);
        assertThat(gzip(Api.write(huge)).length).as("small once compressed").isLessThan(32 * 1024);
        assertThat(bomb.status()).isEqualTo(413);
        assertThat(bomb.json()).containsEntry("success", false);
        assertThat(bigBatchResponse.status()).isEqualTo(413);
        assertThat(segment.post("/v1/track", Api.write(huge), "Authorization", auth).status()).isEqualTo(413);
        assertThat(segment.post("/v1/track", "not gzip".getBytes(), "Authorization", auth, "Content-Encoding", "gzip")
                .status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events("sourceId=" + serverSourceId))
                .extracting(i -> i.get("eventName")).containsExactly("Compressed"));
    }

    @Test
    void acceptsTheValidMessagesOfABatchAndKeepsEachInvalidOneWithItsReason() {
        String anonymousId = "anon-" + unique();
        List<Object> messages = List.of(
                with(track(anonymousId, "First"), "type", "track"),
                Map.of("type", "track", "event", "No Identity", "messageId", "bad-1"),
                with(with(track(anonymousId, "Too Big"), "type", "track"), "properties", Map.of("blob", "z".repeat(33 * 1024))),
                Map.of("type", "page", "anonymousId", anonymousId, "name", "Home",
                        "properties", Map.of("url", "https://shop.example/"), "writeKey", serverToken));

        Api.Response response = segment.post("/v1/b", Api.write(Map.of("batch", messages, "writeKey", serverToken,
                "sentAt", "2024-09-02T12:00:00Z", "context", Map.of("library", Map.of("name", "test")))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("success", true);
        assertThat((List<Map<String, Object>>) response.json().get("rejected")).extracting(r -> r.get("index"))
                .containsExactly(1, 2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(events("status=accepted&sourceId=" + serverSourceId)).extracting(i -> i.get("eventName"))
                    .containsExactlyInAnyOrder("First", "$page_load");
            List<Map<String, Object>> rejected = events("status=rejected&sourceId=" + serverSourceId);
            assertThat(rejected).hasSize(2).anySatisfy(item -> {
                assertThat(item).containsEntry("eventName", "No Identity").containsEntry("eventId", "bad-1");
                assertThat(item.get("reasons").toString()).contains("userId or anonymousId is required");
            }).anySatisfy(item -> assertThat(item.get("reasons").toString()).contains("32 KB"));
        });
    }

    @Test
    void answersMalformedOrIncompleteMessagesWith400AndKeepsThemWithoutTheWriteKey() {
        String auth = basic(serverToken);

        Api.Response malformed = segment.post("/v1/track", "{\"event\": \"Half", "Authorization", auth);
        Api.Response noEvent = segment.post("/v1/track", Api.write(with(Map.of("userId", "u-" + unique()), "writeKey", serverToken)));
        Api.Response badKeys = segment.post("/v1/track", Api.write(with(track("anon-" + unique(), "Keys"), "properties",
                Map.of("utm.source", "x", "$price", 1))), "Authorization", auth);
        Api.Response noBatch = segment.post("/v1/batch", Api.write(Map.of("messages", List.of())), "Authorization", auth);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json()).containsEntry("success", false);
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat((String) noEvent.json().get("message")).contains("event is required");
        assertThat(badKeys.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) badKeys.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("properties.utm.source", "properties.$price");
        assertThat(noBatch.status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> rejected = events("status=rejected&sourceId=" + serverSourceId);
            assertThat(rejected).hasSize(4);
            assertThat(rejected).allSatisfy(item -> assertThat((String) item.get("payload")).doesNotContain(serverToken));
        });
    }

    @Test
    void countsEventsOfABrowserSourceAsBrowserEventsWithTheirCampaign() {
        Map<String, Object> browser = api.createSource("segment web " + unique(), "browser");
        String browserAnonymousId = "anon-" + unique();
        String serverAnonymousId = "anon-" + unique();
        Map<String, Object> context = Map.of("page", Map.of("url", "https://shop.example/landing", "referrer", "https://www.facebook.com/"),
                "campaign", Map.of("source", "facebook", "medium", "cpc", "name", "autumn"));

        Api.Response fromBrowser = segment.post("/v1/p", Api.write(Map.of("type", "page", "anonymousId", browserAnonymousId,
                "context", context, "writeKey", browser.get("token"))), "Origin", "https://shop.example");
        Api.Response fromServer = segment.post("/v1/page", Api.write(Map.of("anonymousId", serverAnonymousId, "context", context)),
                "Authorization", basic(serverToken));

        assertThat(fromBrowser.status()).isEqualTo(200);
        assertThat(fromBrowser.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(fromServer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            String profileId = (String) api.get("/api/profiles?alias=urn:anonymous_id:" + browserAnonymousId).json().get("profileId");
            assertThat(api.get("/api/profiles/" + profileId + "/sessions").jsonList()).singleElement().satisfies(session ->
                    assertThat(session).containsEntry("channelGroup", "Paid Social").containsEntry("campaign", "autumn"));
            String serverProfileId = (String) api.get("/api/profiles?alias=urn:anonymous_id:" + serverAnonymousId).json().get("profileId");
            assertThat(api.get("/api/profiles/" + serverProfileId + "/sessions").jsonList())
                    .as("a server source's page does not open a session").isEmpty();
        });
    }

    @Test
    void answersCorsPreflightsOfTheTrackingPaths() {
        Api.Response preflight = segment.preflight("/v1/batch", "https://shop.example");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }

    private List<Map<String, Object>> events(String query) {
        return (List<Map<String, Object>>) api.get("/api/events?" + query).json().get("items");
    }

    private static Map<String, Object> track(String anonymousId, String event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("anonymousId", anonymousId);
        message.put("event", event);
        message.put("messageId", "m-" + unique());
        return message;
    }

    private static Map<String, Object> with(Map<String, Object> message, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(message);
        copy.put(field, value);
        return copy;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
