package io.tributary.app.pixel;

import static io.tributary.app.Stores.WOO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.tributary.app.Api;
import io.tributary.app.Stores;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The JavaScript the WooCommerce plugin prints, rendered by {@code php} from the plugin (on the WordPress stubs) and
 * run in real headless Chromium against the running app: product page, page after a cart add, checkout, thank-you.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=error")
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class WooCommercePluginBrowserTest {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;
    String token;
    HttpServer shop;
    final Map<String, String> pages = new ConcurrentHashMap<>();
    Chromium browser;

    @BeforeEach
    void shop() throws IOException {
        WooCommercePlugin.assumeInstalled("php");
        api = new Api(port);
        Map<String, Object> web = api.createSource("teahouse web " + Stores.unique(), "browser");
        sourceId = (String) web.get("id");
        token = (String) web.get("token");
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = pages.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
        });
        shop.start();
        browser = Chromium.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (shop != null) {
            shop.stop(0);
        }
    }

    @Test
    void tracksTheShopsPagesAndMakesTheThankYouOrderAndTheWebhookOneOrder() {
        long orderId = ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000L);
        String orderKey = "wc_order_" + Stores.unique();
        for (String page : List.of("product", "cart-add", "checkout", "thankyou")) {
            pages.put("/" + page, render(page, orderId, orderKey));
        }

        for (String page : List.of("product", "cart-add", "checkout", "thankyou")) {
            browser.driver.get(url("/" + page));
            await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        }

        Map<String, Object> viewed = awaitOne("Viewed Product");
        assertThat(props(viewed)).containsEntry("product_id", "101").containsEntry("sku", "TEA-01")
                .containsEntry("name", "Green tea").containsEntry("price", "19.95").containsEntry("currency", "EUR")
                .containsEntry("$url", url("/product"));
        String profileId = (String) viewed.get("profileId");
        Map<String, Object> added = awaitOne("Added To Cart");
        assertThat(props(added)).containsEntry("quantity", 2).containsEntry("$url", url("/cart-add"));
        Map<String, Object> started = awaitOne("Started Checkout");
        assertThat(started).containsEntry("eventId", "checkout-cart-" + orderId);
        assertThat((List<String>) started.get("aliases")).contains("urn:cart_token:cart-" + orderId);
        assertThat(props(started)).containsEntry("total_price", "44.90");
        Map<String, Object> placed = awaitOne("Placed Order");
        assertThat(placed).containsEntry("eventId", Long.toString(orderId)).containsEntry("status", "accepted");
        assertThat((List<String>) placed.get("aliases")).contains("urn:order_key:" + orderKey);
        assertThat(props(placed)).containsEntry("total_price", "45.17").containsEntry("total_tax", "7.21")
                .containsEntry("total_shipping", "5.27").containsEntry("currency", "EUR");
        assertThat(events()).allSatisfy(e -> assertThat(e).containsEntry("profileId", profileId));

        // WooCommerce's own webhook of the order: one order, the server copy a cross-source duplicate
        String store = (String) Stores.createWooCommerce(api, "https://teahouse.example", false).get("id");
        ObjectNode order = Stores.wooOrder(orderId, "processing", Instant.now()).put("order_key", orderKey);
        assertThat(Stores.woo(api, store, "order.created", order, WOO_SECRET, Stores.unique()).status()).isEqualTo(200);
        Map<String, Object> serverCopy = await().atMost(PATIENCE).until(() -> storeEvents(store), found -> !found.isEmpty())
                .get(0);
        assertThat(serverCopy).containsEntry("eventName", "Placed Order").containsEntry("status", "duplicate")
                .containsEntry("profileId", profileId);
        assertThat(serverCopy.get("reasons").toString()).contains("cross_source");
    }

    private String render(String page, long orderId, String orderKey) {
        WooCommercePlugin.Run run = WooCommercePlugin.run("php", "tests/fixture/render.php", page,
                "http://127.0.0.1:" + port, token, Long.toString(orderId), orderKey);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.output();
    }

    private String url(String path) {
        return "http://localhost:" + shop.getAddress().getPort() + path;
    }

    private Map<String, Object> awaitOne(String eventName) {
        return await().atMost(PATIENCE).until(() -> events().stream()
                .filter(e -> eventName.equals(e.get("eventName"))).toList(), found -> !found.isEmpty()).get(0);
    }

    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) api.get("/api/events?limit=500&sourceId=" + sourceId).json().get("items");
    }

    private List<Map<String, Object>> storeEvents(String store) {
        return (List<Map<String, Object>>) api.get("/api/events?limit=50&sourceId=" + store).json().get("items");
    }

    private static Map<String, Object> props(Map<String, Object> event) {
        return (Map<String, Object>) event.get("properties");
    }
}
