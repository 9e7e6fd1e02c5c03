package io.tributary.app;

import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.WOO_SECRET;
import static io.tributary.app.Stores.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.commerce.StoreSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile input through every intake adapter (webhook, collect, Segment track and batch, Shopify and WooCommerce
 * signed webhooks). Each payload is refused within 2 s with a 4xx (or, inside a collect or Segment batch, listed as
 * rejected while the valid event beside it is accepted), never a 5xx; it is kept as a rejected entry; and a valid
 * event sent through the same adapter afterwards still reaches the event log and the profiles read model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputCorpusTest {

    private static final Duration SAFETY_BOUND = Duration.ofSeconds(2);
    private static final String ID = "\"@@ID@@\"";
    private static final String TIME = "\"@@TIME@@\"";
    private static final String HOSTILE = "\"@@HOSTILE@@\"";

    enum Adapter { WEBHOOK, COLLECT, SEGMENT_TRACK, SEGMENT_BATCH, SHOPIFY, WOOCOMMERCE;

        boolean isStore() {
            return this == SHOPIFY || this == WOOCOMMERCE;
        }
    }

    /**
     * One class of hostile input: a raw JSON id, timestamp or object put into an otherwise valid payload (null keeps
     * the valid value), or a body that is not JSON at all.
     *
     * @param notForStores adapters that accept it by design: signed store payloads are checked for numbers, keys and
     *                     nesting only (a real order has more than 500 keys and long notes), and read their own times
     */
    record Hostile(String name, String id, String time, String object, boolean malformed, boolean notForStores) {
        static Hostile id(String name, String id) {
            return new Hostile(name, id, null, null, false, false);
        }

        static Hostile time(String name, String time, boolean notForStores) {
            return new Hostile(name, null, time, null, false, notForStores);
        }

        static Hostile object(String name, String object, boolean notForStores) {
            return new Hostile(name, null, null, object, false, notForStores);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> corpus() {
        String manyKeys = IntStream.range(0, 501).mapToObj(i -> "\"k" + i + "\":" + i).collect(Collectors.joining(","));
        String deep = "[".repeat(12) + "1" + "]".repeat(12);
        return Stream.of(
                Hostile.id("an id with a huge exponent", "1e300000000"),
                Hostile.id("an id with a huge negative exponent", "1e-300000000"),
                Hostile.id("an id of 1000 digits", "1" + "0".repeat(999)),
                Hostile.object("a number with a huge exponent", "{\"x\":1e300000000}", false),
                Hostile.object("a number of 1000 digits", "{\"x\":" + "9".repeat(1000) + "}", false),
                Hostile.time("unix seconds 1e17", "1e17", true),
                Hostile.time("unix seconds 1e20", "1e20", true),
                Hostile.time("the year -999999999", "\"-999999999-01-01T00:00:00Z\"", false),
                Hostile.time("the year 1999", "\"1999-12-31T23:59:59Z\"", false),
                Hostile.object("an empty key", "{\"\":1}", false),
                Hostile.object("a NUL in a nested key", "{\"a\":{\"b\\u0000c\":1}}", false),
                Hostile.object("more than 500 keys", "{" + manyKeys + "}", true),
                Hostile.object("nesting deeper than 10 levels", "{\"deep\":" + deep + "}", false),
                Hostile.object("a string over 8 KB", "{\"s\":\"" + "x".repeat(8 * 1024 + 1) + "\"}", true),
                new Hostile("malformed JSON", null, null, null, true, false))
                .map(Arguments::of);
    }

    @LocalServerPort
    int port;
    Api api;
    Map<Adapter, String> sourceIds;
    Map<Adapter, String> tokens;

    @BeforeEach
    void sources() {
        api = new Api(port);
        sourceIds = new EnumMap<>(Adapter.class);
        tokens = new EnumMap<>(Adapter.class);
        Map<String, Object> server = api.createSource("hostile server " + unique(), "server");
        Map<String, Object> browser = api.createSource("hostile web " + unique(), "browser");
        Map<String, Object> segment = api.createSource("hostile segment " + unique(), "server");
        Map<String, Object> segmentBatch = api.createSource("hostile segment batch " + unique(), "server");
        register(Adapter.WEBHOOK, server);
        register(Adapter.COLLECT, browser);
        register(Adapter.SEGMENT_TRACK, segment);
        register(Adapter.SEGMENT_BATCH, segmentBatch);
        register(Adapter.SHOPIFY, Stores.createShopify(api, null));
        register(Adapter.WOOCOMMERCE, Stores.createWooCommerce(api, "https://teahouse.example", false));
    }

    private void register(Adapter adapter, Map<String, Object> source) {
        sourceIds.put(adapter, (String) source.get("id"));
        tokens.put(adapter, (String) source.get("token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesHostileInputQuicklyKeepsItAndKeepsTheReadModelsFlowing(Hostile hostile) {
        Set<Adapter> refusing = EnumSet.allOf(Adapter.class);
        if (hostile.notForStores()) {
            refusing.removeIf(Adapter::isStore);
        }
        for (Adapter adapter : refusing) {
            long started = System.nanoTime();
            Api.Response response = send(adapter, hostile);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("%s through %s answered within the safety bound", hostile, adapter)
                    .isLessThan(SAFETY_BOUND);
            assertThat(response.status()).as("%s through %s: %s", hostile, adapter, response.body())
                    .isBetween(400, 499);
            if (!hostile.malformed() && hostile.object() != null && !adapter.isStore()) {
                assertThat(response.body()).as("names the hostile field").contains("hostile");
            }
        }
        Map<Adapter, String> valid = new EnumMap<>(Adapter.class);
        for (Adapter adapter : refusing) {
            valid.put(adapter, sendValid(adapter));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Adapter adapter : refusing) {
                assertThat(items("rejected", adapter)).as("%s kept as rejected through %s", hostile, adapter)
                        .isNotEmpty();
                assertThat(items("accepted", adapter)).as("the valid event after it through %s", adapter)
                        .isNotEmpty();
                assertThat(api.get("/api/profiles?alias=" + valid.get(adapter)).status())
                        .as("the profile of the valid event after it through %s", adapter).isEqualTo(200);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String status, Adapter adapter) {
        return (List<Map<String, Object>>) api.get("/api/events?status=" + status + "&sourceId=" + sourceIds.get(adapter))
                .json().get("items");
    }

    /** The answer to the hostile payload; inside a batch, a 200 that lists it as rejected counts as its 400. */
    private Api.Response send(Adapter adapter, Hostile hostile) {
        String anonymousId = unique();
        Api.Response response = switch (adapter) {
            case WEBHOOK -> api.send("POST", "/api/webhooks", "application/json",
                    body(hostile, webhook(anonymousId)), "X-Webhook-Token", tokens.get(adapter));
            case COLLECT -> api.send("POST", "/api/collect/" + tokens.get(adapter), "text/plain",
                    hostile.malformed() ? malformed() : "{\"events\":[" + pixel(unique()).replace(ID, "\"" + unique()
                            + "\"").replace(TIME, "\"" + Instant.now() + "\"").replace(HOSTILE, "{}") + ","
                            + body(hostile, pixel(anonymousId)) + "]}");
            case SEGMENT_TRACK -> segment("/v1/track", adapter, body(hostile, track(anonymousId)));
            case SEGMENT_BATCH -> segment("/v1/batch", adapter, hostile.malformed() ? malformed()
                    : "{\"batch\":[" + fill(track(unique()), null, null, null) + "," + body(hostile, track(anonymousId))
                    + "]}");
            case SHOPIFY -> shopify(body(hostile, shopifyOrder()));
            case WOOCOMMERCE -> woo(body(hostile, wooOrder()));
        };
        boolean batch = adapter == Adapter.COLLECT || adapter == Adapter.SEGMENT_BATCH;
        if (batch && response.status() == 200) {
            assertThat(response.body()).as("the valid event beside it is accepted")
                    .doesNotContain("\"index\":0");
            assertThat(response.body()).as("%s listed as rejected", hostile).contains("\"index\":1");
            return new Api.Response(400, response.body(), response.headers());
        }
        return response;
    }

    /** Sends a valid event through the adapter and answers the alias its profile can be found by. */
    private String sendValid(Adapter adapter) {
        String anonymousId = unique();
        String valid = fill(switch (adapter) {
            case WEBHOOK -> webhook(anonymousId);
            case COLLECT -> "{\"events\":[" + pixel(anonymousId) + "]}";
            case SEGMENT_TRACK, SEGMENT_BATCH -> track(anonymousId);
            case SHOPIFY -> shopifyOrder();
            case WOOCOMMERCE -> wooOrder();
        }, null, null, null);
        Api.Response response = switch (adapter) {
            case WEBHOOK -> api.send("POST", "/api/webhooks", "application/json", valid, "X-Webhook-Token",
                    tokens.get(adapter));
            case COLLECT -> api.send("POST", "/api/collect/" + tokens.get(adapter), "text/plain", valid);
            case SEGMENT_TRACK -> segment("/v1/track", adapter, valid);
            case SEGMENT_BATCH -> segment("/v1/batch", adapter, "{\"batch\":[" + valid + "]}");
            case SHOPIFY -> shopify(valid);
            case WOOCOMMERCE -> woo(valid);
        };
        assertThat(response.status()).as("a valid event through %s: %s", adapter, response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"rejected\":[{");
        if (adapter.isStore()) {
            return storeEmail(adapter, valid);
        }
        return "urn:anonymous_id:" + anonymousId;
    }

    private static String body(Hostile hostile, String template) {
        return hostile.malformed() ? malformed() : fill(template, hostile.id(), hostile.time(), hostile.object());
    }

    private static String fill(String template, String id, String time, String object) {
        return template.replace(ID, id != null ? id : "\"" + unique() + "\"")
                .replace(TIME, time != null ? time : "\"" + Instant.now().minusSeconds(60) + "\"")
                .replace(HOSTILE, object != null ? object : "{}");
    }

    private static String malformed() {
        return "{\"event_name\": \"Broken\", \"properties\": {\"a\": 1e300000000";
    }

    private static String webhook(String anonymousId) {
        return "{\"event_name\":\"After Hostile\",\"event_id\":" + ID + ",\"timestamp\":" + TIME
                + ",\"properties\":{\"hostile\":" + HOSTILE + "},\"profile_properties\":{},"
                + "\"aliases\":[\"urn:anonymous_id:" + anonymousId + "\"]}";
    }

    private static String pixel(String anonymousId) {
        return "{\"method\":\"track\",\"eventName\":\"After Hostile\",\"eventID\":" + ID + ",\"timestamp\":" + TIME
                + ",\"properties\":{\"$url\":\"https://shop.example/\",\"hostile\":" + HOSTILE + "},"
                + "\"aliases\":[\"urn:anonymous_id:" + anonymousId + "\"]}";
    }

    private static String track(String anonymousId) {
        return "{\"type\":\"track\",\"event\":\"After Hostile\",\"messageId\":" + ID + ",\"anonymousId\":\""
                + anonymousId + "\",\"timestamp\":" + TIME + ",\"properties\":{\"hostile\":" + HOSTILE + "}}";
    }

    /** A Shopify order whose id, creation time and {@code hostile} field are placeholders. */
    private static String shopifyOrder() {
        ObjectNode order = Stores.shopifyOrder(Stores.newOrderId(), Instant.now().minusSeconds(60));
        order.put("id", "@@ID@@").put("created_at", "@@TIME@@").put("hostile", "@@HOSTILE@@");
        return Api.write(order);
    }

    private static String wooOrder() {
        ObjectNode order = Stores.wooOrder(ThreadLocalRandom.current().nextLong(1, 1_000_000_000L), "processing",
                Instant.now().minusSeconds(60));
        order.put("id", "@@ID@@").put("date_created_gmt", "@@TIME@@").put("hostile", "@@HOSTILE@@");
        return Api.write(order);
    }

    /** The email a store order's profile is found by. */
    private static String storeEmail(Adapter adapter, String body) {
        Map<String, Object> order = new Api.Response(200, body, Map.of()).json();
        Object email = adapter == Adapter.SHOPIFY ? order.get("email")
                : ((Map<?, ?>) order.get("billing")).get("email");
        return "urn:email:" + email;
    }

    private Api.Response segment(String path, Adapter adapter, String body) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((tokens.get(adapter) + ":")
                .getBytes(StandardCharsets.UTF_8));
        return api.send("POST", path, "application/json", body, "Authorization", basic);
    }

    private Api.Response shopify(String body) {
        return Stores.shopifySigned(api, sourceIds.get(Adapter.SHOPIFY), "orders/create", body,
                StoreSignature.sign(body.getBytes(StandardCharsets.UTF_8), SHOPIFY_SECRET), unique());
    }

    private Api.Response woo(String body) {
        return api.send("POST", "/api/woocommerce/" + sourceIds.get(Adapter.WOOCOMMERCE), "application/json", body,
                "X-WC-Webhook-Topic", "order.created", "X-WC-Webhook-Resource", "order", "X-WC-Webhook-Event",
                "created", "X-WC-Webhook-ID", "7", "X-WC-Webhook-Delivery-ID", unique(),
                "X-WC-Webhook-Source", "https://teahouse.example/",
                "X-WC-Webhook-Signature", StoreSignature.sign(body.getBytes(StandardCharsets.UTF_8), WOO_SECRET));
    }
}
