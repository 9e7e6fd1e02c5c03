package io.tributary.app.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.tributary.app.Api;
import io.tributary.app.Stores;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Running the sources from the dashboard alone, in headless Chromium on an empty store: create a source of every
 * kind, read its install instructions, rename, disable, enable, rotate the token and the signing secret, run a
 * Shopify backfill against a stub of the Admin API to completion, connect ad accounts by hand and through OAuth
 * (against a stub of Meta's consent page and token endpoint), and read the property table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tributary.database=source-management-test")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceManagementBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static final WireMockServer STORE = new WireMockServer(options().dynamicPort());
    static final String ORDERS = "/admin/api/2026-07/orders.json";

    static {
        STORE.start();
    }

    @DynamicPropertySource
    static void storeApi(DynamicPropertyRegistry properties) {
        properties.add("tributary.commerce.shopify.api-base-url", STORE::baseUrl);
        properties.add("tributary.commerce.backfill.page-size", () -> 2);
        OAuthStub.register((name, value) -> properties.add(name, () -> value), STORE.baseUrl());
    }

    @LocalServerPort
    int port;
    Api api;
    Browser browser;
    ChromeDriver driver;
    String shopifyId;
    String serverToken;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.isInstalled(), "needs chromium and chromium-driver");
        api = new Api(port);
        browser = Browser.start();
        driver = browser.driver;
        open("/dashboard/login");
        type(By.id("token"), Api.ADMIN_TOKEN);
        submit(By.id("login"));
    }

    @AfterAll
    void stop() throws IOException {
        STORE.stop();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void groupsEventAndMarketingSourcesUnderDataManagement() {
        open("/dashboard/events");
        WebElement group = driver.findElement(By.id("nav-data-management"));
        assertThat(group.getAttribute("textContent")).contains("Data management").contains("Event sources").contains("Marketing sources");

        group.findElement(By.id("nav-marketing-sources")).click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.urlContains("/dashboard/marketing"));
        driver.findElement(By.id("nav-event-sources")).click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.urlContains("/dashboard/sources"));
        assertThat(driver.findElement(By.id("no-sources")).getText()).contains("No sources yet");
    }

    @Test
    @Order(2)
    void createsABrowserSourceWithItsPixelSnippet() {
        open("/dashboard/sources");
        type(By.id("source-name"), "Storefront");
        new Select(driver.findElement(By.id("source-type"))).selectByValue("browser");
        type(By.id("source-origins"), "https://shop.example");
        submit(By.id("create"));

        String token = driver.findElement(By.id("created-token")).getText();
        assertThat(driver.findElement(By.cssSelector("#created pre.snippet")).getText())
                .contains("<script async src=\"http://localhost:" + port + "/pixels/" + token + ".js\"></script>");
        assertThat(api.get("/api/sources/" + driver.findElement(By.id("created-id")).getText()).json())
                .containsEntry("type", "browser").containsEntry("allowedOrigins", List.of("https://shop.example"));
    }

    @Test
    @Order(3)
    void refusesAShopifySourceWithoutItsFieldsNamingEachOne() {
        open("/dashboard/sources");
        submit(By.id("create-shopify-source"));

        assertThat(driver.findElement(By.id("form-error")).getText()).contains("name: is required")
                .contains("shopDomain: is required").contains("signingSecret: is required");
    }

    @Test
    @Order(4)
    void createsAShopifySourceWithItsWebhookUrlAndTopicsAndNeverShowsItsSecrets() {
        open("/dashboard/sources");
        type(By.id("shopify-name"), "Acme Shopify");
        type(By.id("shopify-domain"), "acme-outfitters");
        type(By.id("shopify-secret"), "shopify-signing-secret-1");
        type(By.id("shopify-admin-token"), "shpat_dashboard_token");
        submit(By.id("create-shopify-source"));

        shopifyId = driver.findElement(By.id("created-id")).getText();
        WebElement created = driver.findElement(By.id("created"));
        assertThat(created.findElement(By.cssSelector("pre.webhook-url")).getText())
                .isEqualTo("http://localhost:" + port + "/api/shopify/" + shopifyId);
        assertThat(created.findElements(By.cssSelector("ul.topics code")).stream().map(WebElement::getText))
                .containsExactly("orders/create", "orders/cancelled", "refunds/create", "checkouts/create",
                        "checkouts/update", "customers/create", "customers/update");
        assertThat(created.findElements(By.cssSelector("a.custom-pixel"))).as("one per browser source")
                .isNotEmpty().allSatisfy(link -> assertThat(link.getAttribute("href"))
                        .matches("http://localhost:" + port + "/pixels/[^/]+/shopify\\.js"));
        assertThat(created.findElement(By.cssSelector("ol.custom-pixel-steps")).getText())
                .contains("Customer events").contains("Add custom pixel");
        assertThat(copy(created.findElement(By.cssSelector("pre.webhook-url"))))
                .isEqualTo("http://localhost:" + port + "/api/shopify/" + shopifyId);
        String page = driver.getPageSource();
        assertThat(page).doesNotContain("shopify-signing-secret-1").doesNotContain("shpat_dashboard_token");
        assertThat(card(shopifyId).getText()).contains("acme-outfitters.myshopify.com")
                .contains("credentials stored (masked): backfills available");
    }

    @Test
    @Order(5)
    void createsAWooCommerceSourceWithItsDeliveryUrl() {
        open("/dashboard/sources");
        type(By.id("woo-name"), "Acme Woo");
        type(By.id("woo-url"), "https://woo.example");
        type(By.id("woo-secret"), "woo-secret-1");
        type(By.id("woo-key"), "ck_dashboard");
        type(By.id("woo-key-secret"), "cs_dashboard");
        submit(By.id("create-woocommerce-source"));

        String id = driver.findElement(By.id("created-id")).getText();
        WebElement created = driver.findElement(By.id("created"));
        assertThat(created.findElement(By.cssSelector("pre.webhook-url")).getText())
                .isEqualTo("http://localhost:" + port + "/api/woocommerce/" + id);
        assertThat(created.findElements(By.cssSelector("ul.topics code")).stream().map(WebElement::getText))
                .containsExactly("Order created", "Order updated");
        assertThat(driver.getPageSource()).doesNotContain("woo-secret-1").doesNotContain("cs_dashboard");
    }

    @Test
    @Order(6)
    void createsAServerSourceWithItsWebhookAndTestOrder() {
        open("/dashboard/sources");
        type(By.id("source-name"), "Backend");
        new Select(driver.findElement(By.id("source-type"))).selectByValue("server");
        submit(By.id("create"));

        serverToken = driver.findElement(By.id("created-token")).getText();
        assertThat(driver.findElement(By.id("created")).getText())
                .contains("http://localhost:" + port + "/api/webhooks").contains("X-Webhook-Token: " + serverToken);
        browser.screenshot("10-event-sources");
    }

    @Test
    @Order(7)
    void renamesDisablesEnablesAndRotatesTheToken() {
        open("/dashboard/sources");
        String before = card(shopifyId).findElement(By.cssSelector("code.token")).getAttribute("textContent");
        manage(shopifyId);
        WebElement name = card(shopifyId).findElement(By.cssSelector("input.rename-name"));
        name.clear();
        name.sendKeys("Acme Outfitters Shopify");
        submit(card(shopifyId).findElement(By.cssSelector("button.rename-button")));
        assertThat(card(shopifyId).findElement(By.cssSelector(".source-name")).getText()).isEqualTo("Acme Outfitters Shopify");

        manage(shopifyId);
        submit(card(shopifyId).findElement(By.cssSelector("button.toggle-status")));
        assertThat(card(shopifyId).getAttribute("data-status")).isEqualTo("disabled");
        assertThat(api.get("/api/sources/" + shopifyId).json()).containsEntry("status", "disabled");

        manage(shopifyId);
        submit(card(shopifyId).findElement(By.cssSelector("button.toggle-status")));
        assertThat(card(shopifyId).getAttribute("data-status")).isEqualTo("active");

        manage(shopifyId);
        submit(card(shopifyId).findElement(By.cssSelector("button.rotate-token")));
        String after = (String) api.get("/api/sources/" + shopifyId).json().get("token");
        assertThat(after).isNotEqualTo(before);
        assertThat(driver.findElement(By.id("notice")).getText()).contains("New token " + after);
    }

    @Test
    @Order(8)
    void rotatesTheSigningSecretKeepingThePreviousOneForTheGracePeriod() {
        open("/dashboard/sources");
        manage(shopifyId);
        type(card(shopifyId).findElement(By.cssSelector("input.new-secret")), "shopify-signing-secret-2");
        submit(card(shopifyId).findElement(By.cssSelector("button.rotate-secret-button")));

        assertThat(driver.findElement(By.id("notice")).getText()).contains("Signing secret replaced")
                .contains("previous one is still accepted until");
        assertThat(card(shopifyId).getText()).contains("previous one accepted until");
        assertThat(driver.getPageSource()).doesNotContain("shopify-signing-secret-2");
        Map<String, Object> commerce = (Map<String, Object>) api.get("/api/sources/" + shopifyId).json().get("commerce");
        assertThat(commerce.get("previousSecretValidUntil")).isNotNull();
    }

    @Test
    @Order(9)
    void runsABackfillToCompletionWatchingItsProgress() {
        Instant now = Instant.now();
        List<ObjectNode> orders = List.of(Stores.shopifyOrder(Stores.newOrderId(), now.minusSeconds(300)),
                Stores.shopifyOrder(Stores.newOrderId(), now.minusSeconds(200)),
                Stores.shopifyOrder(Stores.newOrderId(), now.minusSeconds(100)));
        STORE.stubFor(get(urlPathEqualTo(ORDERS)).withHeader("X-Shopify-Access-Token", equalTo("shpat_dashboard_token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Api.write(Map.of("orders", orders)))));
        open("/dashboard/sources");
        WebElement backfill = driver.findElement(By.id("backfill-" + shopifyId));
        driver.executeScript("arguments[0].value = '2024-01-01'", backfill.findElement(By.cssSelector("input.backfill-since")));
        submit(backfill.findElement(By.cssSelector("button.start-backfill-button")));

        assertThat(driver.findElement(By.id("notice")).getText()).containsAnyOf("Backfill started", "already running");
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d ->
                "completed".equals(d.findElement(By.cssSelector("#backfill-" + shopifyId + " .backfill-progress"))
                        .getAttribute("data-status")));
        assertThat(driver.findElement(By.cssSelector("#backfill-" + shopifyId + " .backfill-progress")).getText())
                .contains("3 orders read").contains("3 events imported");
        browser.screenshot("11-backfill");
    }

    @Test
    @Order(10)
    void connectsAdAccountsByHandAndShowsTheirCredentialsOnlyMasked() {
        open("/dashboard/marketing");
        assertThat(driver.findElement(By.id("no-marketing-sources")).getText()).contains("No marketing sources yet");

        WebElement meta = driver.findElement(By.id("connect-meta"));
        type(meta.findElement(By.cssSelector("input.connect-name")), "Meta EU");
        type(meta.findElement(By.cssSelector("input.connect-account")), "act_1234567890");
        type(meta.findElement(By.cssSelector("input.connect-currency")), "EUR");
        type(meta.findElement(By.cssSelector("input.connect-access-token")), "EAAGdashboardsecret");
        submit(By.id("connect-meta-button"));
        assertThat(driver.findElement(By.id("created-marketing")).getText()).contains("Meta EU").contains("1234567890");
        assertThat(driver.getPageSource()).doesNotContain("EAAGdashboardsecret");

        WebElement google = driver.findElement(By.id("connect-google"));
        type(google.findElement(By.cssSelector("input.connect-name")), "Google Ads");
        type(google.findElement(By.cssSelector("input.connect-account")), "123-456-7890");
        type(google.findElement(By.cssSelector("input.connect-developer-token")), "dev-token-secret");
        submit(By.id("connect-google-button"));
        assertThat(driver.findElement(By.id("form-error")).getText()).contains("credentials.clientId: is required")
                .contains("credentials.refreshToken: is required");

        WebElement tiktok = driver.findElement(By.id("connect-tiktok"));
        type(tiktok.findElement(By.cssSelector("input.connect-name")), "TikTok CSV");
        type(tiktok.findElement(By.cssSelector("input.connect-account")), "7012345678901234567");
        submit(By.id("connect-tiktok-button"));
        assertThat(driver.findElement(By.id("created-marketing")).getText()).contains("only takes CSV imports");

        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/marketing");
            assertThat(driver.findElements(By.cssSelector("tr.marketing-source"))).hasSize(2);
        });
        browser.screenshot("12-marketing-connect");
    }

    @Test
    @Order(11)
    void connectsAStubAdAccountThroughOAuth() {
        OAuthStub.stubMeta(STORE);
        open("/dashboard/marketing");
        driver.findElement(By.id("oauth-connect-meta")).click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(d ->
                d.getCurrentUrl().startsWith(STORE.baseUrl() + OAuthStub.META_AUTHORIZE) && !d.findElements(By.id("allow")).isEmpty());
        submit(By.id("allow"));
        assertThat(driver.findElements(By.cssSelector("li.account")).stream().map(a -> a.getAttribute("data-account")))
                .containsExactly("4401", "4402");
        driver.findElement(By.cssSelector("li.account[data-account='4402'] input.account-choice")).click();
        submit(By.id("connect-accounts"));

        assertThat(driver.findElement(By.id("notice")).getText()).contains("Connected 1 ad account");
        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/marketing");
            assertThat(driver.findElements(By.cssSelector("tr.marketing-source"))).hasSize(3);
        });
        assertThat(driver.getPageSource()).contains("Acme EU").doesNotContain(OAuthStub.META_TOKEN_VALUE);
        assertThat(api.get("/api/marketing-sources").body()).doesNotContain(OAuthStub.META_TOKEN_VALUE);
    }

    @Test
    @Order(12)
    void readsWhichPropertiesEachEventCarriesWithPersonalValuesMasked() {
        signUp("s-1", "ann@example.com", "Ann", "3");
        signUp("s-2", "bob@example.com", null, 4);

        By row = By.cssSelector("section.event-properties[data-event='Signed Up'] tr.property-row");
        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/quality?range=24h");
            assertThat(driver.findElements(row)).hasSize(3);
            assertThat(property("Signed Up", "email").findElements(By.cssSelector("td.examples code")))
                    .as("both sign-ups counted, not only the first").hasSize(2);
        });
        WebElement email = property("Signed Up", "email");
        assertThat(email.findElement(By.className("fill-rate")).getText()).isEqualTo("100%");
        assertThat(email.findElements(By.cssSelector("td.examples code")).stream().map(WebElement::getText))
                .containsExactly("a***@example.com", "b***@example.com");
        assertThat(property("Signed Up", "first_name").findElement(By.className("fill-rate")).getText()).isEqualTo("50%");
        assertThat(property("Signed Up", "plan_size").findElement(By.className("types")).getText())
                .contains("number 1").contains("string 1").contains("type drift");
        assertThat(driver.findElement(By.cssSelector("section.event-properties[data-event='Placed Order']")).getText())
                .as("the backfilled Shopify orders").contains("3 accepted");
        assertThat(driver.getPageSource()).doesNotContain("ann@example.com").doesNotContain("ada.");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("properties-heading")));
        browser.screenshot("13-properties");
    }

    private WebElement property(String eventName, String property) {
        return driver.findElement(By.cssSelector("section.event-properties[data-event='" + eventName
                + "'] tr.property-row[data-property='" + property + "']"));
    }

    private void signUp(String id, String email, String firstName, Object planSize) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("email", email);
        properties.put("first_name", firstName);
        properties.put("plan_size", planSize);
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("event_name", "Signed Up");
        event.put("event_id", id);
        event.put("properties", properties);
        event.put("profile_properties", Map.of());
        event.put("aliases", List.of("urn:email:" + email));
        Api.Response response = api.webhook(serverToken, event);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Clicks the Copy button above an install instruction and answers what reached the clipboard. */
    private String copy(WebElement instruction) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", "http://localhost:" + port,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement button = instruction.findElement(By.xpath("preceding-sibling::*[1]//button[contains(@class,'copy')]"));
        button.click();
        new WebDriverWait(driver, PATIENCE).until(d -> "Copied".equals(button.getText()));
        return (String) driver.executeAsyncScript("navigator.clipboard.readText().then(arguments[0])");
    }

    private WebElement card(String id) {
        return driver.findElement(By.id("source-" + id));
    }

    private void manage(String id) {
        WebElement details = card(id).findElement(By.cssSelector("details.actions"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void type(By field, String text) {
        type(driver.findElement(field), text);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void submit(By button) {
        submit(driver.findElement(button));
    }

    /** Clicks a button that submits a form, and waits for the next page. */
    private void submit(WebElement button) {
        WebElement before = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(before));
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }
}
