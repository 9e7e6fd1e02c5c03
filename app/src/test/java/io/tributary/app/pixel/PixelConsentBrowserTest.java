package io.tributary.app.pixel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Consent that gates, in real Chromium: on a browser source with {@code requireConsent}, the pixel sets no cookie,
 * stores no id and sends nothing until analytics consent is granted; a revoked consent clears the ids and stops
 * collection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class PixelConsentBrowserTest {

    static final ShopServer shop = new ShopServer();
    static final Duration PATIENCE = Duration.ofSeconds(45);
    /** How long a pixel that was going to send would have sent by: it batches for 100 ms. */
    static final Duration QUIET = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    Api api;
    String sourceId;
    Chromium browser;

    @BeforeEach
    void gatedShop() {
        api = new Api(port);
        Map<String, Object> source = api.createSource("consent shop " + UUID.randomUUID(), "browser");
        sourceId = (String) source.get("id");
        await().atMost(PATIENCE).until(() -> api.admin("PUT", "/api/sources/" + sourceId + "/privacy",
                Map.of("requireConsent", true)).status(), status -> status == 200);
        assertThat(api.get("/api/sources/" + sourceId + "/privacy").json()).containsEntry("requireConsent", true);
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
    void setsNoCookieAndSendsNothingUntilConsentIsGranted() throws InterruptedException {
        browser.driver.get(shop.url("/?no-consent-banner=1"));
        await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        browser.driver.findElement(By.id("view-product")).click();
        Thread.sleep(QUIET.toMillis());

        assertThat(browser.driver.manage().getCookies()).isEmpty();
        assertThat(browser.js("return localStorage.getItem('__cvg_uid')")).isNull();
        assertThat(acceptedNames()).isEmpty();

        browser.js("cvg({ method: 'consent', analytics: 'granted', marketing: 'denied' })");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(acceptedNames())
                .containsExactlyInAnyOrder("$consent", "$page_load", "Viewed Product"));
        assertThat(browser.cookie("__cvg_uid")).isNotNull();
    }

    @Test
    void stopsCollectingAndClearsTheCookieWhenConsentIsRevoked() throws InterruptedException {
        browser.driver.get(shop.url("/"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(acceptedNames())
                .containsExactlyInAnyOrder("$consent", "$page_load"));
        assertThat(browser.cookie("__cvg_uid")).isNotNull();

        browser.js("cvg({ method: 'consent', analytics: 'denied', marketing: 'denied' })");
        browser.driver.findElement(By.id("view-product")).click();
        browser.driver.get(shop.url("/next?no-consent-banner=1"));
        await().atMost(PATIENCE).until(() -> browser.js("return typeof cvg.process"), "function"::equals);
        browser.driver.findElement(By.id("view-product")).click();
        Thread.sleep(QUIET.toMillis());

        assertThat(browser.cookie("__cvg_uid")).isNull();
        assertThat(browser.cookie("__cvg_sid")).isNull();
        assertThat(browser.js("return localStorage.getItem('__cvg_uid')")).isNull();
        assertThat(acceptedNames()).containsExactlyInAnyOrder("$consent", "$page_load");
    }

    private List<Object> acceptedNames() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/events?limit=500&sourceId="
                + sourceId).json().get("items");
        return items.stream().filter(e -> "accepted".equals(e.get("status"))).map(e -> e.get("eventName")).toList();
    }
}
