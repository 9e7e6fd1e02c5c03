package io.tributary.app.pixel;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pixel in real headless Chromium: a test shop on its own origin loads the snippet; the pixel posts through a
 * proxy the test can break ({@code tributary.pixel.public-url}, as behind a real reverse proxy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.openqa.selenium=error")
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class PixelBrowserTest {

    static final FlakyProxy proxy = new FlakyProxy();
    static final ShopServer shop = new ShopServer();
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    static final Duration PATIENCE = Duration.ofSeconds(45);

    @DynamicPropertySource
    static void collectThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("tributary.pixel.public-url", proxy::url);
    }

    @LocalServerPort
    int port;
    Api api;
    String sourceId;
    Chromium browser;

    @BeforeEach
    void shopWithPixel() {
        api = new Api(port);
        proxy.target("http://127.0.0.1:" + port);
        proxy.down(false);
        Map<String, Object> source = api.createSource("test shop web " + unique(), "browser");
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
    static void stopServers() {
        proxy.close();
        shop.close();
    }

    @Test
    void tracksAVisitFromAdClickToStitchedServerOrder() {
        // 1-2. the landing page loads the snippet; $page_load arrives with the automatic properties
        String landing = shop.url("/?utm_source=google&utm_medium=cpc&utm_campaign=spring-sale&gclid=test-click");
        browser.driver.get(landing);
        String uid = await().atMost(PATIENCE).until(() -> browser.cookie("__cvg_uid"), id -> id != null);
        String anonymous = "urn:anonymous_id:" + uid;
        Map<String, Object> landed = awaitAccepted("$page_load", 1).get(0);
        assertThat(props(landed)).containsEntry("$url", landing).containsEntry("$sales_channel_type", "web")
                .containsEntry("referrer", "").containsEntry("viewport", browser.js("return innerWidth + 'x' + innerHeight"))
                .containsKey("timezone");
        assertThat((String) props(landed).get("timezone")).isNotBlank();
        assertThat((List<String>) landed.get("aliases")).containsExactly(anonymous);
        assertThat((String) landed.get("eventId")).matches(UUID_PATTERN);
        String profileId = (String) landed.get("profileId");
        String sessionId = (String) landed.get("sessionId");
        assertThat(props(awaitAccepted("$consent", 1).get(0))).containsEntry("analytics", "granted")
                .containsEntry("marketing", "denied");

        // 3. product view, cart and checkout, the checkout carrying its token as an alias
        browser.driver.findElement(By.id("view-product")).click();
        browser.driver.findElement(By.id("add-to-cart")).click();
        browser.driver.findElement(By.id("start-checkout")).click();
        String checkoutAlias = "urn:checkout_token:" + browser.driver.findElement(By.id("checkout-token")).getText();
        assertThat(props(awaitAccepted("Viewed Product", 1).get(0))).containsEntry("product_id", "p-42")
                .containsEntry("price", "19.90").containsEntry("$url", landing);
        awaitAccepted("Added To Cart", 1);
        Map<String, Object> checkout = awaitAccepted("Started Checkout", 1).get(0);
        assertThat((List<String>) checkout.get("aliases")).containsExactlyInAnyOrder(anonymous, checkoutAlias);
        assertThat(accepted(e -> true)).allSatisfy(e -> assertThat(e).containsEntry("profileId", profileId)
                .containsEntry("sessionId", sessionId));

        // 4. a route change in the single-page app is a second $page_load, referred by the previous page
        browser.driver.findElement(By.id("product-link")).click();
        Map<String, Object> routed = awaitAccepted("$page_load", 2).get(0);
        assertThat(props(routed)).containsEntry("$url", shop.url("/products/42")).containsEntry("referrer", landing);
        assertThat(routed).containsEntry("sessionId", sessionId);

        // 5. a reload keeps the cookie id, so the same profile (and session); unchanged consent is not re-sent
        browser.driver.navigate().refresh();
        Map<String, Object> reloaded = awaitAccepted("$page_load", 3).get(0);
        assertThat(browser.cookie("__cvg_uid")).isEqualTo(uid);
        assertThat(reloaded).containsEntry("profileId", profileId).containsEntry("sessionId", sessionId);
        assertThat((List<String>) reloaded.get("aliases")).containsExactly(anonymous);

        // 6. the server's order with the same checkout token is stitched to the browser session of the ad click
        String serverToken = (String) api.createSource("shop server " + unique(), "server").get("token");
        Api.Response placed = api.webhook(serverToken, with(webhook("Placed Order", "order-" + unique(),
                List.of(checkoutAlias)), "properties", Map.of("total_price", "19.90", "currency", "EUR")));
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.json()).containsEntry("status", "accepted").containsEntry("profile_id", profileId)
                .containsEntry("session_id", sessionId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/api/profiles/" + profileId + "/sessions")
                .jsonList()).singleElement().satisfies(session -> assertThat(session)
                .containsEntry("sessionId", sessionId).containsEntry("channelGroup", "Paid Search")
                .containsEntry("channel", "Google Ads").containsEntry("campaign", "spring-sale")
                .containsEntry("landingUrl", landing).containsEntry("eventCount", 8)));

        // 7. the answer to a batch is lost once: the pixel retries with the same eventID, the server keeps one copy
        proxy.loseNextCollectResponses(1);
        browser.driver.findElement(By.id("subscribe")).click();
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> copies = events().stream()
                    .filter(e -> "Newsletter Signup".equals(e.get("eventName"))).toList();
            assertThat(copies).extracting(e -> e.get("status")).containsExactlyInAnyOrder("accepted", "duplicate");
            assertThat(copies).extracting(e -> e.get("eventId")).containsOnly(copies.get(0).get("eventId"));
            String eventId = (String) copies.get(0).get("eventId");
            assertThat(proxy.collected(eventId)).hasSize(2).extracting(FlakyProxy.Collected::mode).containsOnly("cors");
        });
        assertThat(accepted(e -> true)).extracting(e -> e.get("eventName")).containsExactlyInAnyOrder(
                "$consent", "$page_load", "Viewed Product", "Added To Cart", "Started Checkout", "$page_load",
                "$page_load", "Newsletter Signup");
    }

    @Test
    void neverThrowsIntoThePageWhileTheServerIsDownAndDeliversOnceItIsBack() {
        proxy.down(true);
        browser.driver.get(shop.url("/"));
        await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        browser.js("""
                var circular = {}; circular.self = circular;
                cvg(); cvg(null); cvg("track"); cvg(42); cvg({ method: "track" }); cvg({ method: "track", eventName: 7 });
                cvg({ method: "track", eventName: "Circular", properties: circular });
                cvg({ method: "track", eventName: "Odd", properties: "text", aliases: 5 });
                cvg({ method: "consent" }); cvg({ method: "crossDomain", domains: null }); cvg({ method: "unknown" });
                cvg.decorate(null); cvg.decorate("http://[bad"); cvg.decorate("/relative");
                window.__after = true;
                """);
        browser.driver.findElement(By.id("view-product")).click();
        browser.driver.findElement(By.id("product-link")).click();
        await().atMost(PATIENCE).until(() -> proxy.collected().size() >= 3);

        assertThat((List<Object>) browser.js("return window.__errors")).isEmpty();
        assertThat(browser.js("return window.__after")).isEqualTo(true);
        assertThat(browser.driver.findElement(By.id("view")).getText()).isEqualTo("Page /products/42");

        proxy.down(false);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(accepted(e -> true))
                .extracting(e -> e.get("eventName")).containsExactlyInAnyOrder("$consent", "$page_load", "Odd",
                        "$consent", "Viewed Product", "$page_load"));
        assertThat(props(accepted(e -> "Odd".equals(e.get("eventName"))).get(0))).doesNotContainKey("0");
        assertThat((List<Object>) browser.js("return window.__errors")).isEmpty();
    }

    @Test
    void sendsWhatIsWaitingByBeaconWhenThePageIsHidden() {
        browser.driver.get(shop.url("/"));
        awaitAccepted("$page_load", 1);

        browser.js("""
                cvg({ method: "track", eventName: "Left In A Hurry", eventID: "hurry-1" });
                dispatchEvent(new Event("pagehide"));
                """);
        browser.driver.get(shop.url("/next"));

        awaitAccepted("$page_load", 2);
        assertThat(awaitAccepted("Left In A Hurry", 1)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("eventId", "hurry-1"));
        assertThat(proxy.collected("hurry-1")).singleElement().satisfies(request ->
                assertThat(request.mode()).as("a beacon, not a fetch").isEqualTo("no-cors"));
    }

    @Test
    void continuesTheVisitOnTheShopsOtherDomain() {
        browser.driver.get(shop.url("/"));
        String uid = await().atMost(PATIENCE).until(() -> browser.cookie("__cvg_uid"), id -> id != null);
        String sid = browser.cookie("__cvg_sid");
        Map<String, Object> first = awaitAccepted("$page_load", 1).get(0);

        browser.driver.findElement(By.id("other-shop")).click();

        await().atMost(PATIENCE).until(() -> browser.driver.getCurrentUrl(), (shop.otherDomain() + "/checkout?step=1")::equals);
        assertThat(browser.cookie("__cvg_uid")).as("the id travelled in the link").isEqualTo(uid);
        assertThat(browser.cookie("__cvg_sid")).isEqualTo(sid);
        Map<String, Object> second = awaitAccepted("$page_load", 2).get(0);
        assertThat(props(second)).containsEntry("$url", shop.otherDomain() + "/checkout?step=1")
                .containsEntry("referrer", "");
        assertThat((List<String>) second.get("aliases")).containsExactly("urn:anonymous_id:" + uid);
        assertThat(second).containsEntry("profileId", first.get("profileId"))
                .containsEntry("sessionId", first.get("sessionId"));
    }

    /** The accepted events of a name, newest first, once there are {@code count}. */
    private List<Map<String, Object>> awaitAccepted(String eventName, int count) {
        return await().atMost(PATIENCE).until(() -> accepted(e -> eventName.equals(e.get("eventName"))),
                found -> found.size() >= count);
    }

    private List<Map<String, Object>> accepted(Predicate<Map<String, Object>> filter) {
        return events().stream().filter(e -> "accepted".equals(e.get("status"))).filter(filter).toList();
    }

    private List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) api.get("/api/events?limit=500&sourceId=" + sourceId).json().get("items");
    }

    private static Map<String, Object> props(Map<String, Object> event) {
        return (Map<String, Object>) event.get("properties");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
