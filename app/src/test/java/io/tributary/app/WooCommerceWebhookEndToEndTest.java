package io.tributary.app;

import static io.tributary.app.Stores.WOO_SECRET;
import static io.tributary.app.Stores.unique;
import static io.tributary.app.Stores.woo;
import static io.tributary.app.Stores.wooOrder;
import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** WooCommerce webhooks over HTTP, signed as WooCommerce signs them, on the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WooCommerceWebhookEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;

    @BeforeEach
    void source() {
        api = new Api(port);
        sourceId = (String) Stores.createWooCommerce(api, "https://teahouse.example/", false).get("id");
    }

    @Test
    void answersThePingWooCommerceSendsWhenAWebhookIsSaved() {
        Api.Response ping = api.send("POST", "/api/woocommerce/" + sourceId, "application/x-www-form-urlencoded",
                "webhook_id=7");

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json()).containsEntry("status", "pong");
    }

    @Test
    void recordsASignedPaidOrderAndRefusesABadSignatureStoringNothing() {
        long orderId = newOrderId();
        long forged = newOrderId();
        assertThat(woo(api, sourceId, "order.created", wooOrder(forged, "processing", Instant.now()), "wrong-secret",
                unique()).status()).isEqualTo(401);

        Api.Response response = woo(api, sourceId, "order.created", wooOrder(orderId, "processing", Instant.now()),
                WOO_SECRET, unique());

        assertThat(response.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) response.json().get("events")).singleElement().satisfies(event ->
                assertThat(event).containsEntry("event_name", "Placed Order").containsEntry("event_id", Long.toString(orderId))
                        .containsEntry("status", "accepted"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events()).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("eventId", Long.toString(orderId));
            assertThat((Map<String, Object>) item.get("properties")).containsEntry("total_price", "42.55")
                    .containsEntry("origin", "webhook");
        }));
    }

    @Test
    void storesARetriedDeliveryOnce() {
        ObjectNode order = wooOrder(newOrderId(), "processing", Instant.now());
        String deliveryId = unique();

        woo(api, sourceId, "order.created", order, WOO_SECRET, deliveryId);
        Api.Response retry = woo(api, sourceId, "order.created", order, WOO_SECRET, deliveryId);

        assertThat(retry.json()).containsEntry("status", "duplicate_delivery");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events()).hasSize(1);
            assertThat(api.get("/api/sources/" + sourceId).json()).containsEntry("acceptedCount", 1)
                    .containsEntry("duplicateCount", 0);
        });
    }

    @Test
    void turnsStatusTransitionsIntoPlacedRefundedAndCancelledOrdersEachOnce() {
        long orderId = newOrderId();
        Instant createdAt = Instant.now();
        ObjectNode pending = wooOrder(orderId, "pending", createdAt);
        pending.putNull("date_paid_gmt");
        ObjectNode processing = pending.deepCopy().put("status", "processing")
                .put("date_paid_gmt", pending.get("date_created_gmt").asText());
        ObjectNode completed = processing.deepCopy().put("status", "completed");
        ObjectNode refunded = completed.deepCopy();
        refunded.putArray("refunds").addObject().put("id", orderId + 1).put("reason", "chipped").put("total", "-24.79");
        ObjectNode cancelled = refunded.deepCopy().put("status", "cancelled");

        assertThat(woo(api, sourceId, "order.created", pending, WOO_SECRET, unique()).json())
                .containsEntry("status", "ignored");
        List<String> delivered = List.of(processing, completed, refunded, cancelled).stream()
                .map(order -> woo(api, sourceId, "order.updated", order, WOO_SECRET, unique()))
                .map(response -> response.status() + " " + response.json().get("status")).toList();

        assertThat(delivered).containsOnly("200 stored");
        await().atMost(WAIT).untilAsserted(() -> assertThat(events())
                .extracting(item -> item.get("eventName"), item -> item.get("status"))
                .containsExactlyInAnyOrder(tuple("Placed Order", "accepted"), tuple("Refunded Order", "accepted"),
                        tuple("Cancelled Order", "accepted")));
    }

    @Test
    void stitchesTheOrderToTheBrowserProfileOfItsCheckout() {
        String browserToken = (String) api.createSource("storefront " + unique(), "browser").get("token");
        String anon = "urn:anonymous_id:" + unique();
        ObjectNode order = wooOrder(newOrderId(), "processing", Instant.now().plusSeconds(30));
        String email = order.get("billing").get("email").asText();
        api.collect(browserToken, List.of(pixel("Started Checkout", null, "https://teahouse.example/checkout/", null,
                List.of(anon, "urn:email:" + email))));
        String browserProfile = await().atMost(WAIT).until(() -> {
            Api.Response profile = api.get("/api/profiles?alias=" + anon);
            return profile.status() == 200 ? (String) profile.json().get("profileId") : null;
        }, id -> id != null);

        Map<String, Object> placed = ((List<Map<String, Object>>) woo(api, sourceId, "order.created", order, WOO_SECRET,
                unique()).json().get("events")).get(0);

        assertThat(placed).containsEntry("profile_id", browserProfile);
        assertThat(placed.get("session_id")).as("the order joins the checkout's session").isNotNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                (List<String>) api.get("/api/profiles/" + browserProfile).json().get("aliases"))
                .contains("urn:order_key:" + order.get("order_key").asText(),
                        "urn:customer_id:" + order.get("customer_id").asText()));
    }

    @Test
    void ignoresTopicsItDoesNotMap() {
        Api.Response response = woo(api, sourceId, "product.updated", Map.of("id", 93, "name", "Teapot"), WOO_SECRET,
                unique());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("status", "ignored");
    }

    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) api.get("/api/events?sourceId=" + sourceId).json().get("items");
    }

    private static long newOrderId() {
        return ThreadLocalRandom.current().nextLong(10_000, 1_000_000_000L);
    }
}
