package io.tributary.app.pixel;

import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.Api;
import io.tributary.app.Stores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The served {@code shopify.js} in real headless Chromium, on a page that emulates Shopify's custom pixel sandbox
 * ({@code analytics}, {@code browser}, {@code init}) and fires the standard events with Shopify's payload shapes.
 * It posts through a proxy the test can break, as the pixel's test does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=error")
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class ShopifyCustomPixelBrowserTest {

    static final FlakyProxy proxy = new FlakyProxy();
    static final ShopServer shop = new ShopServer("/shopify-sandbox/index.html");
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @DynamicPropertySource
    static void collectThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("tributary.pixel.public-url", proxy::url);
    }

    @LocalServerPort
    int port;
    Api api;
    String browserSourceId;
    String storeSourceId;
    Chromium browser;

    @BeforeEach
    void shopWithCustomPixel() {
        api = new Api(port);
        proxy.target("http://127.0.0.1:" + port);
        proxy.down(false);
        Map<String, Object> web = api.createSource("shopify web " + Stores.unique(), "browser");
        browserSourceId = (String) web.get("id");
        storeSourceId = (String) Stores.createShopify(api, null).get("id");
        shop.pixelSrc("http://127.0.0.1:" + port + "/pixels/" + web.get("token") + "/shopify.js");
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterAll
    static void stopServers() {
        proxy.close();
        shop.close();
    }

    @Test
    void mapsEveryStandardEventAndMakesTheCompletedCheckoutAndTheWebhookOneOrderOfTheVisit() {
        String landing = shop.url("/products/wool-scarf?utm_source=google&utm_medium=cpc&utm_campaign=scarves&gclid=g-1");
        String checkoutToken = "chk" + Stores.unique();
        String orderId = Stores.newOrderId();
        browser.driver.get(landing);
        String clientId = (String) browser.js("return clientId");
        String visitor = "urn:anonymous_id:" + clientId;
        Buyer buyer = buyer();

        browser.js("shopify.pageViewed(); shopify.productViewed(); shopify.addedToCart();"
                + "shopify.checkoutStarted(arguments[0]); shopify.contactInfoSubmitted(arguments[0]);"
                + "shopify.checkoutCompleted(arguments[0], 'gid://shopify/Order/' + arguments[1]);", checkoutToken, orderId);

        Map<String, Object> page = awaitOne(browserSourceId, "$page_load");
        assertThat(props(page)).containsEntry("$url", landing).containsEntry("referrer", "")
                .containsEntry("$sales_channel_type", "web");
        assertThat((List<String>) page.get("aliases")).containsExactly(visitor);
        String profileId = (String) page.get("profileId");
        String sessionId = (String) page.get("sessionId");
        assertThat(props(awaitOne(browserSourceId, "Viewed Product"))).containsEntry("product_id", "8266836345064")
                .containsEntry("variant_id", "44610569208040").containsEntry("sku", "SCARF-WOOL-GRY")
                .containsEntry("name", "Wool scarf").containsEntry("price", "44.9").containsEntry("currency", "USD")
                .containsEntry("vendor", "Acme").containsEntry("$url", landing);
        assertThat(props(awaitOne(browserSourceId, "Added To Cart"))).containsEntry("product_id", "8266836345064")
                .containsEntry("quantity", 2).containsEntry("value", "89.8").containsEntry("price", "44.9");
        Map<String, Object> started = awaitOne(browserSourceId, "Started Checkout");
        assertThat(started).containsEntry("eventId", checkoutToken);
        assertThat((List<String>) started.get("aliases"))
                .containsExactly(visitor, "urn:checkout_token:" + checkoutToken);
        assertThat(props(started)).containsEntry("total_price", "104.97").containsEntry("currency", "USD");
        Map<String, Object> identified = awaitOne(browserSourceId, "$identify");
        assertThat((List<String>) identified.get("aliases")).containsExactly(visitor,
                "urn:checkout_token:" + checkoutToken, "urn:email:" + buyer.email, "urn:phone:" + buyer.phone);
        assertThat((Map<String, Object>) identified.get("profileProperties"))
                .containsEntry("$email", buyer.email).containsEntry("$phone_number", buyer.phone);
        Map<String, Object> placed = awaitOne(browserSourceId, "Placed Order");
        assertThat(placed).containsEntry("eventId", orderId).containsEntry("profileId", profileId)
                .containsEntry("sessionId", sessionId);
        assertThat(props(placed)).containsEntry("id", orderId).containsEntry("total_price", "104.97")
                .containsEntry("total_tax", "5.18").containsEntry("total_shipping", "9.99")
                .containsEntry("currency", "USD").containsEntry("$is_new_customer", true);
        assertThat((List<Map<String, Object>>) props(placed).get("items")).singleElement().satisfies(item ->
                assertThat(item).containsEntry("product_id", "8266836345064").containsEntry("price", "44.9")
                        .containsEntry("quantity", 2));
        assertThat((List<String>) placed.get("aliases")).contains(visitor, "urn:checkout_token:" + checkoutToken,
                "urn:shopify_order:" + orderId, "urn:customer_id:" + buyer.customerId, "urn:email:" + buyer.email);
        assertThat(events(browserSourceId)).allSatisfy(e -> assertThat(e).containsEntry("status", "accepted")
                .containsEntry("profileId", profileId));

        // Shopify's orders/create webhook of the same order: a cross-source duplicate of the browser's copy
        ObjectNode order = buyer.on(Stores.shopifyOrder(orderId, Instant.now())).put("checkout_token", checkoutToken);
        assertThat(Stores.shopify(api, storeSourceId, "orders/create", order, SHOPIFY_SECRET, Stores.unique()).status())
                .isEqualTo(200);
        Map<String, Object> serverCopy = awaitOne(storeSourceId, "Placed Order");
        assertThat(serverCopy).containsEntry("status", "duplicate").containsEntry("eventId", orderId);
        assertThat(serverCopy.get("reasons").toString()).contains("cross_source");

        // attributed to the visit's ad click, not to the order's landing_site (an email link)
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> explained = api.get("/api/reports/conversions/" + orderId + "/attribution?model=last_touch")
                    .json();
            assertThat(explained).containsEntry("sessionId", sessionId);
            assertThat(new BigDecimal(explained.get("revenue").toString())).isEqualByComparingTo("104.97");
            assertThat((List<Map<String, Object>>) explained.get("credits")).singleElement().satisfies(credit ->
                    assertThat(credit).containsEntry("source", "session").containsEntry("sessionId", sessionId)
                            .containsEntry("channelGroup", "Paid Search").containsEntry("channel", "Google Ads")
                            .containsEntry("campaign", "scarves"));
        });
        assertThat((List<Object>) browser.js("return window.__errors")).isEmpty();
    }

    @Test
    void stitchesTheOrderToTheVisitWhenTheWebhookArrivesFirst() {
        String landing = shop.url("/?utm_source=google&utm_medium=cpc&utm_campaign=early&gclid=g-2");
        String orderId = Stores.newOrderId();
        browser.driver.get(landing);
        Buyer buyer = buyer();
        browser.js("shopify.pageViewed()");
        Map<String, Object> page = awaitOne(browserSourceId, "$page_load");

        // Shopify's created_at has whole seconds: an order placed in the landing's own second would predate the visit
        ObjectNode order = buyer.on(Stores.shopifyOrder(orderId, Instant.now().plusSeconds(2)));
        assertThat(Stores.shopify(api, storeSourceId, "orders/create", order, SHOPIFY_SECRET, Stores.unique()).status())
                .isEqualTo(200);
        awaitOne(storeSourceId, "Placed Order");
        browser.js("shopify.checkoutCompleted('chk' + Date.now(), arguments[0])", orderId);

        Map<String, Object> browserCopy = awaitOne(browserSourceId, "Placed Order");
        assertThat(browserCopy).containsEntry("status", "duplicate");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> explained = api.get("/api/reports/conversions/" + orderId + "/attribution?model=last_touch")
                    .json();
            assertThat((List<Map<String, Object>>) explained.get("credits")).singleElement().satisfies(credit ->
                    assertThat(credit).containsEntry("source", "session")
                            .containsEntry("sessionId", page.get("sessionId")).containsEntry("channel", "Google Ads"));
        });
    }

    @Test
    void retriesWithTheSameEventIdAndCarriesUnsentEventsToTheNextPage() {
        proxy.loseNextCollectResponses(1);
        browser.driver.get(shop.url("/products/wool-scarf"));
        browser.js("shopify.productViewed()");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> copies = events(browserSourceId).stream().filter(named("Viewed Product")).toList();
            assertThat(copies).extracting(e -> e.get("status")).containsExactlyInAnyOrder("accepted", "duplicate");
            assertThat(copies).extracting(e -> e.get("eventId")).containsOnly(copies.get(0).get("eventId"));
        });

        proxy.down(true);
        browser.js("shopify.addedToCart()");
        await().atMost(PATIENCE).until(() -> !proxy.collected("Added To Cart").isEmpty());
        browser.driver.get(shop.url("/cart"));
        proxy.down(false);

        Map<String, Object> added = awaitOne(browserSourceId, "Added To Cart");
        assertThat(added).containsEntry("status", "accepted");
        assertThat(props(added)).containsEntry("$url", shop.url("/products/wool-scarf"));
        assertThat((List<Object>) browser.js("return window.__errors")).isEmpty();
    }

    /** A new buyer for this test, in the sandbox page; {@link Buyer#on} puts the same one on a webhook order. */
    private Buyer buyer() {
        Buyer buyer = new Buyer("ada." + Stores.unique() + "@example.com", "+1415555" + (1000 + (int) (Math.random() * 8999)),
                Long.toString(7_000_000_000_000L + (long) (Math.random() * 999_999_999_999L)));
        browser.js("buyer = { email: arguments[0], phone: arguments[1], customerId: arguments[2] }", buyer.email,
                buyer.phone, buyer.customerId);
        return buyer;
    }

    record Buyer(String email, String phone, String customerId) {
        ObjectNode on(ObjectNode order) {
            order.put("email", email).put("contact_email", email).put("phone", phone);
            ((ObjectNode) order.get("customer")).put("id", Long.parseLong(customerId)).put("email", email)
                    .put("phone", phone);
            return order;
        }
    }

    private Map<String, Object> awaitOne(String sourceId, String eventName) {
        return await().atMost(PATIENCE).until(() -> events(sourceId).stream().filter(named(eventName)).toList(),
                found -> !found.isEmpty()).get(0);
    }

    private static Predicate<Map<String, Object>> named(String eventName) {
        return e -> eventName.equals(e.get("eventName"));
    }

    private List<Map<String, Object>> events(String sourceId) {
        return (List<Map<String, Object>>) api.get("/api/events?limit=500&sourceId=" + sourceId).json().get("items");
    }

    private static Map<String, Object> props(Map<String, Object> event) {
        return (Map<String, Object>) event.get("properties");
    }
}
