package io.tributary.app.pixel;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import io.tributary.app.Stores;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pixel's dataLayer bridge in real headless Chromium: a shop whose GTM and GA4 plugin push e-commerce events to
 * {@code window.dataLayer} (some before the pixel loads), and an older Universal Analytics setup on another array.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=error")
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class DataLayerBrowserTest {

    static final ShopServer shop = new ShopServer("/datalayer-shop/index.html");
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;
    Chromium browser;

    @BeforeEach
    void shopWithPixel() {
        api = new Api(port);
        Map<String, Object> source = api.createSource("teahouse web " + Stores.unique(), "browser");
        sourceId = (String) source.get("id");
        shop.pixelSrc("http://127.0.0.1:" + port + "/pixels/" + source.get("token") + ".js");
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterAll
    static void stopShop() {
        shop.close();
    }

    @Test
    void mapsGa4PushesBeforeAndAfterThePixelLoadedAndMakesThePurchaseAndTheServerOrderOneOrder() {
        String transactionId = "T-" + Stores.unique();
        browser.driver.get(shop.url("/products/green-tea"));
        await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        browser.js("shop.addToCart(); shop.beginCheckout(); shop.purchase(arguments[0])", transactionId);

        Map<String, Object> viewed = awaitOne("Viewed Product", "SKU-TEA-01");
        assertThat(props(viewed)).containsEntry("product_id", "SKU-TEA-01").containsEntry("name", "Green tea")
                .containsEntry("brand", "Teahouse").containsEntry("category", "Tea").containsEntry("variant", "100 g")
                .containsEntry("price", "19.95").containsEntry("currency", "EUR").containsEntry("value", "19.95")
                .containsEntry("$url", shop.url("/products/green-tea"));
        assertThat(props(awaitOne("Added To Cart", "SKU-TEA-01"))).containsEntry("quantity", 2)
                .containsEntry("value", "39.9").containsEntry("price", "19.95");
        assertThat(props(awaitOne("Started Checkout", null))).containsEntry("total_price", "39.9")
                .containsEntry("currency", "EUR");
        Map<String, Object> purchase = awaitOne("Placed Order", null);
        assertThat(purchase).containsEntry("eventId", transactionId).containsEntry("status", "accepted");
        assertThat(props(purchase)).containsEntry("id", transactionId).containsEntry("total_price", "45.17")
                .containsEntry("total_tax", "7.21").containsEntry("total_shipping", "5.27")
                .containsEntry("currency", "EUR").containsEntry("coupon", "TEA10");
        assertThat((List<Map<String, Object>>) props(purchase).get("items")).singleElement().satisfies(item ->
                assertThat(item).containsEntry("product_id", "SKU-TEA-01").containsEntry("price", "19.95")
                        .containsEntry("quantity", 2));
        assertThat(events()).extracting(e -> e.get("eventName")).doesNotContain("gtm.js", "config", "js");

        // the shop's server sends the same order: one order, the server's copy a cross-source duplicate
        String serverToken = (String) api.createSource("teahouse server " + Stores.unique(), "server").get("token");
        Api.Response placed = api.webhook(serverToken, with(webhook("Placed Order", transactionId, List.of(
                "urn:email:tea." + Stores.unique() + "@example.org")), "properties",
                Map.of("total_price", "45.17", "currency", "EUR")));
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json()).containsEntry("status", "duplicate").containsEntry("profile_id", purchase.get("profileId"));
        assertThat((List<Object>) browser.js("return window.__errors")).isEmpty();
    }

    @Test
    void mapsUniversalAnalyticsEnhancedEcommerceFromANamedArray() {
        String orderId = "UA-" + Stores.unique();
        browser.driver.get(shop.url("/"));
        await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        browser.js("shop.universalAnalytics(arguments[0])", orderId);

        assertThat(props(awaitOne("Viewed Product", "SKU-POT-02"))).containsEntry("name", "Tea pot")
                .containsEntry("price", "34.50").containsEntry("currency", "EUR");
        assertThat(props(awaitOne("Added To Cart", "SKU-POT-02"))).containsEntry("quantity", 1);
        Map<String, Object> order = awaitOne("Placed Order", null);
        assertThat(order).containsEntry("eventId", orderId);
        assertThat(props(order)).containsEntry("total_price", "39.49").containsEntry("total_tax", "6.30")
                .containsEntry("total_shipping", "4.99").containsEntry("currency", "EUR");
        assertThat(events()).as("only the first checkout step starts a checkout")
                .filteredOn(e -> "Started Checkout".equals(e.get("eventName"))).hasSize(1);
    }

    @Test
    void bridgesWithoutTheCallWhenTheBrowserSourceHasTheSetting() {
        Api.Response created = api.admin("POST", "/api/sources", Map.of("name", "gtm web " + Stores.unique(),
                "type", "browser", "dataLayer", true));
        sourceId = (String) created.json().get("id");
        shop.pixelSrc("http://127.0.0.1:" + port + "/pixels/" + created.json().get("token") + ".js");

        browser.driver.get(shop.url("/products/green-tea?setting=1"));

        assertThat(props(awaitOne("Viewed Product", "SKU-TEA-01"))).containsEntry("name", "Green tea")
                .containsEntry("price", "19.95");
    }

    /** The first event of a name (and product id, when given), once it arrived. */
    private Map<String, Object> awaitOne(String eventName, String productId) {
        return await().atMost(PATIENCE).until(() -> events().stream()
                .filter(e -> eventName.equals(e.get("eventName")))
                .filter(e -> productId == null || productId.equals(props(e).get("product_id"))).toList(),
                found -> !found.isEmpty()).get(0);
    }

    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) api.get("/api/events?limit=500&sourceId=" + sourceId).json().get("items");
    }

    private static Map<String, Object> props(Map<String, Object> event) {
        return (Map<String, Object>) event.get("properties");
    }
}
