package io.tributary.app;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.WOO_SECRET;
import static io.tributary.app.Stores.newOrderId;
import static io.tributary.app.Stores.shopify;
import static io.tributary.app.Stores.shopifyOrder;
import static io.tributary.app.Stores.shopifyRefund;
import static io.tributary.app.Stores.unique;
import static io.tributary.app.Stores.woo;
import static io.tributary.app.Stores.wooOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Backfills against a stub of each store's order API (WireMock, serving the documented paged shapes), overlapping
 * orders that the webhooks already delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackfillEndToEndTest {

    static final WireMockServer STORE = new WireMockServer(options().dynamicPort());
    static final String ORDERS = "/admin/api/2026-07/orders.json";
    static final String WOO_ORDERS = "/wp-json/wc/v3/orders";
    private static final Duration WAIT = Duration.ofSeconds(60);

    static {
        STORE.start();
    }

    @DynamicPropertySource
    static void storeApi(DynamicPropertyRegistry properties) {
        properties.add("tributary.commerce.shopify.api-base-url", STORE::baseUrl);
        properties.add("tributary.commerce.backfill.page-size", () -> 3);
        properties.add("tributary.commerce.backfill.retry-delay", () -> "PT0.05S");
        properties.add("tributary.commerce.backfill.attempts", () -> 2);
    }

    @AfterAll
    static void stopStore() {
        STORE.stop();
    }

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void backfillsShopifyOrdersCountingThoseTheWebhooksDeliveredOnce() {
        String token = "shpat_" + unique();
        String sourceId = (String) Stores.createShopify(api, token).get("id");
        Instant now = Instant.now();
        ObjectNode a = shopifyOrder(newOrderId(), now.minusSeconds(500));
        ObjectNode b = shopifyOrder(newOrderId(), now.minusSeconds(400));
        ObjectNode c = shopifyOrder(newOrderId(), now.minusSeconds(300));
        ObjectNode d = shopifyOrder(newOrderId(), now.minusSeconds(200));
        ObjectNode e = shopifyOrder(newOrderId(), now.minusSeconds(100)).put("cancelled_at", Stores.newYork(now));
        String refundId = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        c.putArray("refunds").add(shopifyRefund(c.get("id").asText(), refundId, now));
        shopify(api, sourceId, "orders/create", a, SHOPIFY_SECRET, unique());
        shopify(api, sourceId, "orders/create", b, SHOPIFY_SECRET, unique());
        STORE.stubFor(get(urlPathEqualTo(ORDERS)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withQueryParam("page_info", absent()).withQueryParam("status", equalTo("any"))
                .withQueryParam("created_at_min", equalTo("2024-01-01T00:00:00Z"))
                .willReturn(shopifyPage(List.of(a, c, d), "p2-" + token)));
        STORE.stubFor(get(urlPathEqualTo(ORDERS)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .withQueryParam("page_info", equalTo("p2-" + token)).willReturn(shopifyPage(List.of(b, e), null)));

        Api.Response started = api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01"));

        assertThat(started.status()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(backfill(sourceId))
                .containsEntry("status", "completed").containsEntry("pages", 2).containsEntry("orders", 5)
                .containsEntry("imported", 5).containsEntry("alreadyPresent", 2).containsEntry("rejected", 0));
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> events = events(sourceId);
            assertThat(events).extracting(item -> item.get("status")).containsOnly("accepted");
            assertThat(events).filteredOn(item -> "Placed Order".equals(item.get("eventName")))
                    .extracting(item -> item.get("eventId")).containsExactlyInAnyOrder(id(a), id(b), id(c), id(d), id(e));
            assertThat(events).filteredOn(item -> !"Placed Order".equals(item.get("eventName")))
                    .extracting(item -> item.get("eventName"), item -> item.get("eventId"))
                    .containsExactlyInAnyOrder(tuple("Refunded Order", refundId), tuple("Cancelled Order", id(e)));
            assertThat(events).filteredOn(item -> List.of(id(c), id(d), id(e)).contains(item.get("eventId")))
                    .allSatisfy(item -> assertThat((Map<String, Object>) item.get("properties"))
                            .containsEntry("origin", "backfill"));
            assertThat(api.get("/api/sources/" + sourceId).json()).containsEntry("acceptedCount", 7)
                    .containsEntry("duplicateCount", 0);
        });
    }

    @Test
    void backfillsWooCommerceOrdersPageByPageCountingThoseTheWebhooksDeliveredOnce() {
        String sourceId = (String) Stores.createWooCommerce(api, STORE.baseUrl() + "/" + unique(), true).get("id");
        String path = storePath(sourceId) + WOO_ORDERS;
        Instant now = Instant.now();
        ObjectNode a = wooOrder(wooId(), "processing", now.minusSeconds(300));
        ObjectNode b = wooOrder(wooId(), "completed", now.minusSeconds(200));
        ObjectNode c = wooOrder(wooId(), "refunded", now.minusSeconds(100));
        c.putArray("refunds").addObject().put("id", wooId()).put("total", "-42.55");
        ObjectNode d = wooOrder(wooId(), "pending", now);
        woo(api, sourceId, "order.created", a, WOO_SECRET, unique());
        STORE.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1"))
                .withQueryParam("after", equalTo("2024-01-01T00:00:00")).withQueryParam("order", equalTo("asc"))
                .willReturn(wooPage(List.of(a, b), 2)));
        STORE.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).willReturn(wooPage(List.of(c, d), 2)));

        assertThat(api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01")).status())
                .isEqualTo(202);

        await().atMost(WAIT).untilAsserted(() -> assertThat(backfill(sourceId))
                .containsEntry("status", "completed").containsEntry("pages", 2).containsEntry("orders", 4)
                .containsEntry("imported", 3).containsEntry("alreadyPresent", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(sourceId))
                .extracting(item -> item.get("eventName"), item -> item.get("eventId"), item -> item.get("status"))
                .containsExactlyInAnyOrder(tuple("Placed Order", id(a), "accepted"), tuple("Placed Order", id(b), "accepted"),
                        tuple("Placed Order", id(c), "accepted"),
                        tuple("Refunded Order", c.get("refunds").get(0).get("id").asText(), "accepted")));
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "ck_0123456789abcdef0123456789abcdef01234567:cs_76543210fedcba9876543210fedcba9876543210".getBytes());
        STORE.verify(2, getRequestedFor(urlPathEqualTo(path)).withHeader("Authorization", equalTo(basic)));
    }

    @Test
    void rejectsABackfilledOrderOutOfBoundsAndImportsTheRest() {
        String token = "shpat_" + unique();
        String sourceId = (String) Stores.createShopify(api, token).get("id");
        Instant now = Instant.now();
        ObjectNode fine = shopifyOrder(newOrderId(), now.minusSeconds(300));
        ObjectNode hostile = shopifyOrder(newOrderId(), Instant.parse("1999-06-01T00:00:00Z"));
        STORE.stubFor(get(urlPathEqualTo(ORDERS)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(shopifyPage(List.of(fine, hostile), null)));

        Api.Response started = api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01"));

        assertThat(started.status()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(backfill(sourceId))
                .containsEntry("status", "completed").containsEntry("orders", 2).containsEntry("imported", 1)
                .containsEntry("rejected", 1));
    }

    @Test
    void failsTheBackfillWhenTheStoreRefusesItsCredentialsAndRunsOneAtATime() {
        String token = "shpat_" + unique();
        String sourceId = (String) Stores.createShopify(api, token).get("id");
        STORE.stubFor(get(urlPathEqualTo(ORDERS)).withHeader("X-Shopify-Access-Token", equalTo(token))
                .willReturn(aResponse().withStatus(401).withFixedDelay(1500)
                        .withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));

        Api.Response first = api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01"));
        Api.Response second = api.admin("POST", "/api/sources/" + sourceId + "/backfill", Map.of("since", "2024-01-01"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(409);
        await().atMost(WAIT).untilAsserted(() -> assertThat(backfill(sourceId)).containsEntry("status", "failed")
                .hasEntrySatisfying("error", error -> assertThat((String) error).contains("401")));
    }

    @Test
    void refusesABackfillItCannotRun() {
        String withoutToken = (String) Stores.createShopify(api, null).get("id");
        String server = (String) api.createSource("plain server " + unique(), "server").get("id");

        assertThat(api.admin("POST", "/api/sources/" + withoutToken + "/backfill", Map.of("since", "2024-01-01"))
                .status()).isEqualTo(400);
        assertThat(api.admin("POST", "/api/sources/" + server + "/backfill", Map.of("since", "2024-01-01")).status())
                .isEqualTo(404);
        Api.Response badDate = api.admin("POST", "/api/sources/" + withoutToken + "/backfill", Map.of("since", "last year"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("since");
    }

    static ResponseDefinitionBuilder shopifyPage(List<ObjectNode> orders, String nextPageInfo) {
        var response = aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(Api.write(Map.of("orders", orders)));
        if (nextPageInfo != null) {
            response.withHeader("Link", "<https://acme-outfitters.myshopify.com" + ORDERS + "?limit=3&page_info="
                    + nextPageInfo + ">; rel=\"next\"");
        }
        return response;
    }

    static ResponseDefinitionBuilder wooPage(List<ObjectNode> orders, int totalPages) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("X-WP-Total", Integer.toString(totalPages * 2))
                .withHeader("X-WP-TotalPages", Integer.toString(totalPages)).withBody(Api.write(orders));
    }

    private Map<String, Object> backfill(String sourceId) {
        Object backfill = api.get("/api/sources/" + sourceId).json().get("backfill");
        return backfill == null ? Map.of() : (Map<String, Object>) backfill;
    }

    private List<Map<String, Object>> events(String sourceId) {
        return (List<Map<String, Object>>) api.get("/api/events?limit=100&sourceId=" + sourceId).json().get("items");
    }

    private String storePath(String sourceId) {
        Map<String, Object> commerce = await().atMost(WAIT).until(
                () -> (Map<String, Object>) api.get("/api/sources/" + sourceId).json().get("commerce"), c -> c != null);
        return ((String) commerce.get("storeUrl")).substring(STORE.baseUrl().length());
    }

    private static String id(ObjectNode order) {
        return order.get("id").asText();
    }

    private static long wooId() {
        return ThreadLocalRandom.current().nextLong(10_000, 1_000_000_000L);
    }
}
