package io.tributary.app;

import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.newOrderId;
import static io.tributary.app.Stores.shopify;
import static io.tributary.app.Stores.shopifyCheckout;
import static io.tributary.app.Stores.shopifyOrder;
import static io.tributary.app.Stores.shopifyRefund;
import static io.tributary.app.Stores.unique;
import static io.tributary.app.TrackedEvents.pixel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.commerce.StoreSamples;
import io.tributary.app.commerce.StoreSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Shopify webhooks over HTTP, signed as Shopify signs them, on the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ShopifyWebhookEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;

    @BeforeEach
    void source() {
        api = new Api(port);
        sourceId = (String) Stores.createShopify(api, null).get("id");
    }

    @Test
    void recordsASignedOrderAsAPlacedOrderWithItsMoneyExact() {
        String orderId = newOrderId();

        Api.Response response = shopify(api, sourceId, "orders/create", shopifyOrder(orderId, Instant.now()),
                SHOPIFY_SECRET, unique());

        assertThat(response.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) response.json().get("events")).singleElement().satisfies(event ->
                assertThat(event).containsEntry("event_name", "Placed Order").containsEntry("event_id", orderId)
                        .containsEntry("status", "accepted"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(sourceId)).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("eventName", "Placed Order").containsEntry("eventId", orderId);
            assertThat((Map<String, Object>) item.get("properties")).containsEntry("total_price", "104.97")
                    .containsEntry("total_shipping", "7.99").containsEntry("$is_new_customer", true)
                    .containsEntry("origin", "webhook");
        }));
    }

    @Test
    void refusesABadSignatureWithA401AndStoresNothing() {
        String body = Api.write(shopifyOrder(newOrderId(), Instant.now()));
        String tampered = body.replace("\"104.97\"", "\"0.01\"");

        assertThat(shopify(api, sourceId, "orders/create", body, "not-the-secret", unique()).status()).isEqualTo(401);
        assertThat(Stores.shopifySigned(api, sourceId, "orders/create", tampered,
                StoreSignature.sign(body.getBytes(StandardCharsets.UTF_8), SHOPIFY_SECRET), unique()).status())
                .isEqualTo(401);
        assertThat(api.send("POST", "/api/shopify/" + sourceId, "application/json", body,
                "X-Shopify-Topic", "orders/create").status()).isEqualTo(401);

        String later = newOrderId();
        shopify(api, sourceId, "orders/create", shopifyOrder(later, Instant.now()), SHOPIFY_SECRET, unique());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events(sourceId)).extracting(item -> item.get("eventId")).containsExactly(later);
            assertThat(api.get("/api/sources/" + sourceId).json()).containsEntry("rejectedCount", 0);
        });
    }

    @Test
    void storesARetriedDeliveryOnce() {
        ObjectNode order = shopifyOrder(newOrderId(), Instant.now());
        String webhookId = unique();

        Api.Response first = shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, webhookId);
        Api.Response retry = shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, webhookId);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).containsEntry("status", "duplicate_delivery");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(events(sourceId)).hasSize(1);
            assertThat(api.get("/api/sources/" + sourceId).json()).containsEntry("acceptedCount", 1)
                    .containsEntry("duplicateCount", 0);
        });
    }

    @Test
    void stitchesACheckoutAndThenItsOrderToTheBrowserProfileThroughTheCheckoutToken() {
        String browserToken = (String) api.createSource("storefront " + unique(), "browser").get("token");
        String anon = "urn:anonymous_id:" + unique();
        String checkoutToken = "checkout-" + unique();
        String landing = "https://acme.example/products/wool-scarf?utm_source=newsletter&utm_medium=email";
        api.collect(browserToken, List.of(pixel("$page_load", null, landing, null, List.of(anon)),
                pixel("Started Checkout", null, "https://acme.example/checkouts/" + checkoutToken, landing,
                        List.of(anon, "urn:checkout_token:" + checkoutToken))));
        String browserProfile = await().atMost(WAIT).until(() -> profileOf(anon), id -> id != null);
        Instant now = Instant.now();
        String cartToken = "cart-" + unique();

        Map<String, Object> checkout = firstEvent(shopify(api, sourceId, "checkouts/create",
                shopifyCheckout(checkoutToken, cartToken, now), SHOPIFY_SECRET, unique()));
        ObjectNode order = shopifyOrder(newOrderId(), now.plusSeconds(60)).put("checkout_token", checkoutToken)
                .put("cart_token", cartToken);
        Map<String, Object> placed = firstEvent(shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, unique()));

        assertThat(checkout).containsEntry("event_name", "Started Checkout").containsEntry("profile_id", browserProfile);
        assertThat(placed).containsEntry("event_name", "Placed Order").containsEntry("profile_id", browserProfile);
        assertThat(placed.get("session_id")).as("the order joins the browser session").isNotNull()
                .isEqualTo(checkout.get("session_id"));
        String email = "urn:email:" + order.get("email").asText();
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles/" + browserProfile).json();
            assertThat((List<String>) profile.get("aliases")).contains(anon, "urn:checkout_token:" + checkoutToken,
                    "urn:cart_token:" + cartToken, email, "urn:customer_id:" + order.get("customer").get("id").asText());
            assertThat(profile).containsEntry("eventCount", 4);
        });
    }

    @Test
    void recordsARefundOnTheProfileOfItsOrder() {
        String orderId = newOrderId();
        String refundId = Long.toString(Math.abs((long) unique().hashCode()) + 1);
        Map<String, Object> placed = firstEvent(shopify(api, sourceId, "orders/create",
                shopifyOrder(orderId, Instant.now()), SHOPIFY_SECRET, unique()));

        Map<String, Object> refund = firstEvent(shopify(api, sourceId, "refunds/create",
                shopifyRefund(orderId, refundId, Instant.now()), SHOPIFY_SECRET, unique()));

        assertThat(refund).containsEntry("event_name", "Refunded Order").containsEntry("event_id", refundId)
                .containsEntry("status", "accepted").containsEntry("profile_id", placed.get("profile_id"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(sourceId))
                .filteredOn(item -> "Refunded Order".equals(item.get("eventName"))).singleElement()
                .satisfies(item -> assertThat((Map<String, Object>) item.get("properties"))
                        .containsEntry("amount", "48.49").containsEntry("currency", "USD")
                        .containsEntry("order_id", orderId)));
    }

    @Test
    void recordsACancellationAndCustomerChangesOnTheOrdersProfile() {
        ObjectNode order = shopifyOrder(newOrderId(), Instant.now());
        Map<String, Object> placed = firstEvent(shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, unique()));
        ObjectNode cancelled = order.deepCopy().put("cancelled_at", order.get("created_at").asText())
                .put("cancel_reason", "customer");
        ObjectNode customer = StoreSamples.read("shopify/customers-update.json")
                .put("id", order.get("customer").get("id").asLong()).put("email", order.get("email").asText())
                .put("updated_at", Stores.newYork(Instant.now().plusSeconds(120)));
        customer.putNull("phone");

        Map<String, Object> cancellation = firstEvent(shopify(api, sourceId, "orders/cancelled", cancelled,
                SHOPIFY_SECRET, unique()));
        Map<String, Object> identify = firstEvent(shopify(api, sourceId, "customers/update", customer,
                SHOPIFY_SECRET, unique()));

        assertThat(cancellation).containsEntry("event_name", "Cancelled Order")
                .containsEntry("profile_id", placed.get("profile_id"));
        assertThat(identify).containsEntry("event_name", "$identify").containsEntry("profile_id", placed.get("profile_id"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                String.valueOf(api.get("/api/profiles/" + placed.get("profile_id")).json().get("properties")))
                .contains("King", "Seattle"));
    }

    @Test
    void acceptsTheOldSecretDuringTheGracePeriodAfterARotation() {
        String newSecret = "shpss_rotated_" + unique();

        Api.Response rotated = api.admin("POST", "/api/sources/" + sourceId + "/rotate-secret",
                Map.of("signingSecret", newSecret));

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), newSecret,
                unique()).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), SHOPIFY_SECRET,
                unique()).status()).as("the previous secret, within its grace period").isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), "shpss_other",
                unique()).status()).isEqualTo(401);
        await().atMost(WAIT).untilAsserted(() -> {
            Api.Response source = api.get("/api/sources/" + sourceId);
            Map<String, Object> commerce = (Map<String, Object>) source.json().get("commerce");
            assertThat(commerce).isNotNull().containsEntry("signingSecret",
                    "****" + newSecret.substring(newSecret.length() - 4));
            assertThat(commerce.get("previousSecretValidUntil")).isNotNull();
            assertThat(source.body()).doesNotContain(newSecret, SHOPIFY_SECRET);
        });
    }

    @Test
    void showsTheStoreConnectionWithItsSecretsMasked() {
        Map<String, Object> created = Stores.createShopify(api, "shpat_admin_token_0123456789");

        assertThat(created).containsEntry("type", "shopify").containsEntry("storeUrl", "acme-outfitters.myshopify.com")
                .containsEntry("webhookPath", "/api/shopify/" + created.get("id"));
        await().atMost(WAIT).untilAsserted(() -> {
            Api.Response source = api.get("/api/sources/" + created.get("id"));
            assertThat(source.json()).containsEntry("type", "shopify");
            assertThat((Map<String, Object>) source.json().get("commerce")).containsEntry("signingSecret", "****c6d7")
                    .containsEntry("adminApiToken", "****6789");
            assertThat(source.body() + Api.write(created)).doesNotContain(SHOPIFY_SECRET, "shpat_admin_token_0123456789");
        });
    }

    @Test
    void rejectsAStoreSourceWithoutItsSettingsNamingEachField() {
        Api.Response response = api.admin("POST", "/api/sources", Map.of("name", "x", "type", "shopify",
                "shopDomain", "not a domain"));

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("shopDomain", "signingSecret");
    }

    @Test
    void refusesAShopDomainOutsideMyshopifyCom() {
        for (String domain : List.of("shop.example.com", "169.254.169.254", "acme.myshopify.com.evil.example")) {
            Api.Response response = api.admin("POST", "/api/sources", Map.of("name", "x", "type", "shopify",
                    "shopDomain", domain, "signingSecret", "secret-0123456789"));

            assertThat(response.status()).as(domain).isEqualTo(400);
            assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting(e -> e.get("field"))
                    .containsExactly("shopDomain");
        }
    }

    @Test
    void answersAnUnknownSourceOrAnotherKindOfSourceWith404() {
        String body = Api.write(shopifyOrder(newOrderId(), Instant.now()));
        String woo = (String) Stores.createWooCommerce(api, "https://teahouse.example", false).get("id");

        assertThat(shopify(api, "no-such-source", "orders/create", body, SHOPIFY_SECRET, unique()).status()).isEqualTo(404);
        assertThat(shopify(api, woo, "orders/create", body, SHOPIFY_SECRET, unique()).status()).isEqualTo(404);
    }

    @Test
    void keepsAMalformedOrderAsARejectedEntryNamingItsFields() {
        ObjectNode order = shopifyOrder(newOrderId(), Instant.now()).put("total_price", "lots");
        order.remove("currency");

        Api.Response response = shopify(api, sourceId, "orders/create", order, SHOPIFY_SECRET, unique());

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("total_price", "currency");
        await().atMost(WAIT).untilAsserted(() -> assertThat(events(sourceId)).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("status", "rejected")));
    }

    private List<Map<String, Object>> events(String source) {
        return (List<Map<String, Object>>) api.get("/api/events?sourceId=" + source).json().get("items");
    }

    private String profileOf(String alias) {
        Api.Response profile = api.get("/api/profiles?alias=" + alias);
        return profile.status() == 200 ? (String) profile.json().get("profileId") : null;
    }

    private static Map<String, Object> firstEvent(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) response.json().get("events")).get(0);
    }
}
