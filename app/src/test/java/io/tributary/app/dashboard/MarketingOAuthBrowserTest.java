package io.tributary.app.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tributary.app.dashboard.OAuthStub.GOOGLE_ACCESS;
import static io.tributary.app.dashboard.OAuthStub.GOOGLE_REFRESH;
import static io.tributary.app.dashboard.OAuthStub.GOOGLE_REFRESHED;
import static io.tributary.app.dashboard.OAuthStub.META_SHORT_TOKEN;
import static io.tributary.app.dashboard.OAuthStub.META_TOKEN_VALUE;
import static io.tributary.app.dashboard.OAuthStub.TIKTOK_TOKEN_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.app.StoredText;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Connect" for ad accounts in headless Chromium, against a local stub of the platforms' OAuth servers and APIs:
 * consent, callback, picking accounts, a sync with the obtained token, Google's refresh of an expired access token,
 * a replayed or forged state, reconnecting, renaming and replacing credentials by hand; no token in any answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.database=marketing-oauth-test")
@ActiveProfiles({"test", "marketing"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketingOAuthBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final WireMockServer PLATFORMS = new WireMockServer(options().dynamicPort());

    static {
        PLATFORMS.start();
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry properties) {
        OAuthStub.register((name, value) -> properties.add(name, () -> value), PLATFORMS.baseUrl());
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Api api;
    Browser browser;
    ChromeDriver driver;
    String metaId;
    String metaCallback;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.isInstalled(), "needs chromium and chromium-driver");
        api = new Api(port);
        OAuthStub.stubMeta(PLATFORMS);
        OAuthStub.stubGoogle(PLATFORMS, 1);
        OAuthStub.stubTikTok(PLATFORMS);
        browser = Browser.start();
        driver = browser.driver;
        open("/dashboard/login");
        driver.findElement(By.id("token")).sendKeys(Api.ADMIN_TOKEN);
        submit(By.id("login"));
    }

    @AfterAll
    void stop() throws IOException {
        PLATFORMS.stop();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void connectsAMetaAdAccountThroughTheConsentPageAndSyncsWithTheObtainedToken() {
        List<String> accounts = consent("meta");
        assertThat(accounts).containsExactly("4401", "4402");
        assertThat(driver.findElement(By.id("pick-accounts")).getText()).contains("Meta granted access to 2 ad accounts")
                .contains("Acme EU").contains("EUR").contains("Acme US");
        metaCallback = driver.getCurrentUrl().replace("http://localhost:" + port, "");
        browser.screenshot("14-marketing-oauth-accounts");
        driver.findElement(By.cssSelector("li.account[data-account='4402'] input.account-choice")).click();
        submit(By.id("connect-accounts"));

        assertThat(driver.findElement(By.id("notice")).getText()).contains("Connected 1 ad account");
        metaId = sourceId("meta", "4401");
        assertThat(api.get("/api/marketing-sources/" + metaId).json()).containsEntry("name", "Acme EU")
                .containsEntry("currency", "EUR").containsEntry("importOnly", false);
        PLATFORMS.verify(getRequestedFor(urlPathEqualTo(OAuthStub.META_TOKEN)).withQueryParam("client_id", equalTo("meta-app-id-1"))
                .withQueryParam("redirect_uri", equalTo("http://localhost:" + port + "/dashboard/marketing/oauth/meta/callback")));

        PLATFORMS.stubFor(get(urlPathEqualTo("/v24.0/act_4401/insights")).withHeader("Authorization", equalTo("Bearer " + META_TOKEN_VALUE))
                .willReturn(okJson("""
                        {"data":[{"date_start":"2026-02-01","date_stop":"2026-02-01","campaign_id":"c1",
                                  "campaign_name":"Spring","adset_id":"s1","adset_name":"All","ad_id":"a1",
                                  "ad_name":"Hero","spend":"12.34","impressions":"1000","clicks":"25"}],
                         "paging":{"cursors":{"before":"MAZDZD","after":"MAZDZD"}}}""")));
        Map<String, Object> synced = syncToTheEnd(metaId);
        assertThat(synced).containsEntry("status", "active").containsEntry("rowsSynced", 1);
        assertNoTokenIn(api.get("/api/marketing-sources").body(), api.get("/api/marketing-sources/" + metaId).body(),
                driver.getPageSource());
        assertNoTokenIn(StoredText.of(database));
    }

    @Test
    @Order(2)
    void refusesAReplayedStateAndAForgedOne() {
        String cookie = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
        Api.Response replayed = api.send("GET", metaCallback, null, null, "Cookie", cookie);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("unknown, expired or already used");

        Api.Response forged = api.send("GET", "/dashboard/marketing/oauth/meta/callback?code=x&state=forged-state", null,
                null, "Cookie", cookie);
        assertThat(forged.status()).isEqualTo(400);

        open(metaCallback);
        assertThat(driver.findElement(By.id("oauth-error")).getText()).contains("Not connected")
                .contains("already used");
        assertThat(api.get("/api/marketing-sources").jsonList()).hasSize(1);
    }

    @Test
    @Order(3)
    void refreshesAnExpiredGoogleAccessTokenBeforeSyncing() {
        assertThat(consent("google")).containsExactly("5550001111");
        submit(By.id("connect-accounts"));
        String googleId = sourceId("google", "5550001111");
        assertThat(api.get("/api/marketing-sources/" + googleId).json()).containsEntry("name", "Google Ads 5550001111");
        String stream = "/v24/customers/5550001111/googleAds:searchStream";
        PLATFORMS.stubFor(post(urlPathEqualTo(stream)).withHeader("Authorization", equalTo("Bearer " + GOOGLE_REFRESHED))
                .willReturn(okJson("[]")));

        Map<String, Object> synced = syncToTheEnd(googleId);

        assertThat(synced).containsEntry("status", "active");
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(OAuthStub.GOOGLE_TOKEN))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + GOOGLE_REFRESH.replace("/", "%2F"))));
        PLATFORMS.verify(0, postRequestedFor(urlPathEqualTo(stream)).withHeader("Authorization", equalTo("Bearer " + GOOGLE_ACCESS)));
        PLATFORMS.verify(postRequestedFor(urlPathEqualTo(stream)).withHeader("developer-token", equalTo("google-dev-token-XYZ12345")));
        assertNoTokenIn(api.get("/api/marketing-sources").body());
        assertNoTokenIn(StoredText.of(database));
    }

    @Test
    @Order(4)
    void connectsATikTokAdvertiserWithTheAuthCode() {
        assertThat(consent("tiktok")).containsExactly("7010000000000000001");
        submit(By.id("connect-accounts"));

        String tiktokId = sourceId("tiktok", "7010000000000000001");
        assertThat(api.get("/api/marketing-sources/" + tiktokId).json()).containsEntry("name", "Acme TikTok");
        assertNoTokenIn(api.get("/api/marketing-sources").body(), driver.getPageSource());
    }

    @Test
    @Order(5)
    void reconnectsASourceToReplaceItsCredentials() {
        open("/dashboard/marketing");
        manage(metaId);
        leaveForThePlatform(row(metaId).findElement(By.cssSelector("button.reconnect-button")));
        submit(By.id("allow"));

        assertThat(driver.findElement(By.id("notice")).getText()).contains("Credentials replaced through Meta");
        assertThat(api.get("/api/marketing-sources").jsonList()).hasSize(3);
    }

    @Test
    @Order(6)
    void renamesASourceAndReplacesItsTokenByHand() {
        open("/dashboard/marketing");
        manage(metaId);
        WebElement name = row(metaId).findElement(By.cssSelector("input.rename-name"));
        name.clear();
        name.sendKeys("Acme Europe");
        submit(row(metaId).findElement(By.cssSelector("button.rename-button")));
        assertThat(driver.findElement(By.id("notice")).getText()).contains("renamed to Acme Europe");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(api.get("/api/marketing-sources/" + metaId).json()).containsEntry("name", "Acme Europe"));

        open("/dashboard/marketing");
        manage(metaId);
        row(metaId).findElement(By.cssSelector("input.new-access-token")).sendKeys("EAAhandMadeReplacementToken42");
        submit(row(metaId).findElement(By.cssSelector("button.replace-credentials-button")));
        assertThat(driver.findElement(By.id("notice")).getText()).contains("Credentials replaced");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/api/marketing-sources/" + metaId).json())
                .extracting(source -> source.get("credentials")).isEqualTo(Map.of("accessToken", "****en42")));
        assertThat(driver.getPageSource()).doesNotContain("EAAhandMadeReplacementToken42");
    }

    @Test
    @Order(7)
    void tellsWhyWhenTheUserCancelsAtThePlatform() {
        open("/dashboard/marketing");
        leaveForThePlatform(By.id("oauth-connect-tiktok"));
        submit(By.id("deny"));

        assertThat(driver.findElement(By.id("oauth-error")).getText()).contains("did not grant access (access_denied)");
    }

    /** Clicks "Connect with …", allows at the stub's consent page, and answers the accounts offered to pick. */
    private List<String> consent(String platform) {
        open("/dashboard/marketing");
        leaveForThePlatform(By.id("oauth-connect-" + platform));
        assertThat(driver.getCurrentUrl()).contains("state=");
        assertThat(driver.findElement(By.id("consent")).getText()).contains("read your ads");
        if ("meta".equals(platform)) {
            browser.screenshot("15-marketing-oauth-consent");
        }
        submit(By.id("allow"));
        return driver.findElements(By.cssSelector("li.account")).stream().map(li -> li.getAttribute("data-account")).toList();
    }

    private void leaveForThePlatform(By button) {
        leaveForThePlatform(driver.findElement(button));
    }

    /** Clicks a Connect button and waits for the platform's consent page. */
    private void leaveForThePlatform(WebElement button) {
        button.click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(d -> d.getCurrentUrl().startsWith(PLATFORMS.baseUrl()) && !d.findElements(By.id("allow")).isEmpty());
    }

    private String sourceId(String platform, String accountId) {
        return await().atMost(PATIENCE).until(() -> api.get("/api/marketing-sources").jsonList().stream()
                        .filter(s -> platform.equals(s.get("platform")) && accountId.equals(s.get("accountId")))
                        .map(s -> (String) s.get("id")).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> syncToTheEnd(String id) {
        Api.Response accepted = api.admin("POST", "/api/marketing-sources/" + id + "/sync",
                Map.of("from", "2026-02-01", "to", "2026-02-01"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String syncId = (String) accepted.json().get("syncId");
        return await().atMost(PATIENCE).until(() -> api.get("/api/marketing-sources/" + id).json(), source -> {
            Map<String, Object> lastSync = (Map<String, Object>) source.get("lastSync");
            return lastSync != null && syncId.equals(lastSync.get("syncId")) && "completed".equals(lastSync.get("status"));
        });
    }

    private static void assertNoTokenIn(String... answers) {
        for (String answer : answers) {
            assertThat(answer).doesNotContain(META_TOKEN_VALUE).doesNotContain(META_SHORT_TOKEN)
                    .doesNotContain(GOOGLE_ACCESS).doesNotContain(GOOGLE_REFRESHED).doesNotContain(GOOGLE_REFRESH)
                    .doesNotContain(TIKTOK_TOKEN_VALUE).doesNotContain("app-secret-S3CR3T");
        }
    }

    private WebElement row(String id) {
        return driver.findElement(By.id("marketing-" + id));
    }

    private void manage(String id) {
        WebElement details = row(id).findElement(By.cssSelector("details.actions"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void submit(By button) {
        submit(driver.findElement(button));
    }

    /** Clicks a button that leads to another page, and waits for it. */
    private void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(before));
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }
}
