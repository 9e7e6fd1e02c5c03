package io.tributary.app.dashboard;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.report.AttributionModel;
import io.tributary.app.Api;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard in real headless Chromium, one step after the other on one store (its own database): log in, create
 * sources, send events, use the Event Log, Data Quality, the profile explorer, a rebuild, the blended report over
 * recorded ad spend, and a marketing source's "sync now". Screenshots of each page
 * land in docs/screenshots.
 */
// The hourly marketing schedule's first tick (a minute after start) would race the "Sync now" step.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "tributary.database=dashboard-test", "tributary.marketing.schedule.enabled=false"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ANN = "ann@example.com";
    private static final String VISITOR = "urn:anonymous_id:visitor-ann";

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    Api api;
    Browser browser;
    ChromeDriver driver;
    String serverToken;
    String serverSourceId;
    String browserToken;

    @BeforeAll
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Browser.isInstalled(), "needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
        api = new Api(port);
        browser = Browser.start();
        driver = browser.driver;
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void logsInWithTheAdminTokenIntoAnHttpOnlySession() {
        open("/dashboard/events");
        assertThat(driver.getCurrentUrl()).contains("/dashboard/login");
        browser.screenshot("01-login");

        type("token", "not-the-token");
        submit(By.id("login"));
        assertThat(driver.findElement(By.id("login-error")).getText()).contains("not the admin token");

        type("token", Api.ADMIN_TOKEN);
        submit(By.id("login"));

        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.urlToBe("http://localhost:" + port + "/dashboard/events"));
        assertThat(driver.findElement(By.id("no-events")).getText()).contains("No events yet");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    @Order(2)
    void createsSourcesAndShowsTheirTokenSnippetAndWebhook() {
        open("/dashboard/sources");
        assertThat(driver.findElement(By.id("no-sources")).getText()).contains("No sources yet");

        createSource("Demo Shop Backend", "server");
        serverToken = driver.findElement(By.id("created-token")).getText();
        serverSourceId = driver.findElement(By.id("created-id")).getText();
        assertThat(driver.findElement(By.id("created")).getText())
                .contains("http://localhost:" + port + "/api/webhooks").contains("X-Webhook-Token: " + serverToken);

        createSource("Demo Shop Storefront", "browser");
        browserToken = driver.findElement(By.id("created-token")).getText();
        assertThat(driver.findElement(By.cssSelector("#created pre.snippet")).getText()).isEqualTo(
                "<script>window.cvg=function(){cvg.process?cvg.process.apply(cvg,arguments):cvg.queue.push(arguments)};"
                        + "cvg.queue=[];</script><script async src=\"http://localhost:" + port + "/pixels/" + browserToken
                        + ".js\"></script>");

        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/sources");
            assertThat(driver.findElements(By.cssSelector("section.source"))).hasSize(2);
        });
        assertThat(driver.findElements(By.cssSelector("section.source .every-origin"))).as("the browser source only")
                .hasSize(1).first().extracting(WebElement::getText).asString().contains("every origin");
        browser.screenshot("02-sources");
    }

    @Test
    @Order(3)
    void listsTheWebhookEventsInTheEventLogWithWorkingFilters() {
        String landing = "https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=spring-sale";
        collect(pixel("$page_load", null, landing, "https://l.facebook.com/", List.of(VISITOR)));
        collect(with(pixel("Viewed Product", null, "https://shop.example/p/1", null, List.of(VISITOR)), "properties",
                Map.of("$url", "https://shop.example/p/1", "product_id", "p1", "price", "49.90")));
        webhook200(order("order-100", "EUR"), VISITOR, "urn:email:" + ANN);
        webhook200(order("order-101", null), "urn:email:" + ANN);
        assertThat(api.webhook(serverToken, webhook("Placed Order", "order-102", List.of())).status()).isEqualTo(400);
        webhook200(webhook("Subscribed", "newsletter-1", List.of("urn:email:ann.work@example.com")));
        collect(pixel("$page_load", null, "https://shop.example/account", null, List.of(VISITOR, "urn:email:ann.work@example.com")));

        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/events");
            assertThat(rows()).hasSize(7);
        });
        browser.screenshot("03-event-log");

        new Select(driver.findElement(By.id("filter-source"))).selectByVisibleText("Demo Shop Backend");
        applyFilters();
        assertThat(rows()).hasSize(4);

        type("filter-event", "Placed Order");
        applyFilters();
        assertThat(rows()).hasSize(3).allSatisfy(row ->
                assertThat(row.findElement(By.className("event-name")).getText()).isEqualTo("Placed Order"));

        new Select(driver.findElement(By.id("filter-status"))).selectByValue("rejected");
        applyFilters();
        assertThat(rows()).hasSize(1);
        String export = driver.findElement(By.id("export-csv")).getAttribute("href");
        assertThat(export).contains("/api/events/export.csv?sourceId=" + serverSourceId).contains("status=rejected");
        Object csv = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + '\\n' + t)));", export);
        assertThat((String) csv).as("the /api guard accepts the dashboard session").startsWith("200\nreceivedAt,")
                .contains("order-102").hasLineCount(3);

        driver.executeScript("document.getElementById('filter-from').value = '2030-01-01T00:00'");
        applyFilters();
        assertThat(driver.findElement(By.id("no-events")).getText()).contains("No events match these filters");
    }

    @Test
    @Order(4)
    void opensAnEventWithItsFullJsonDecisionAndProfile() {
        open("/dashboard/events?eventName=Placed%20Order&status=accepted");
        WebElement order101 = rows().stream().filter(row -> row.getText().contains("Placed Order")).toList().get(0);
        order101.click();

        WebElement detail = new WebDriverWait(driver, PATIENCE)
                .until(d -> d.findElement(By.id("event-detail")));
        assertThat(detail.getText()).contains("Accepted and counted").contains("order-101");
        assertThat(driver.findElement(By.id("event-json")).getText()).contains("\"eventId\" : \"order-101\"")
                .contains("\"total_price\" : \"20.00\"");
        String profileLink = driver.findElement(By.id("profile-link")).getAttribute("href");
        assertThat(profileLink).contains("/dashboard/profiles?q=");
        browser.screenshot("04-event-detail");
    }

    @Test
    @Order(5)
    void showsThePlacedOrderRowWithAWarningForTheMissingCurrency() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/quality?range=24h");
            WebElement row = driver.findElement(By.cssSelector("tr.quality-row[data-event='Placed Order']"));
            assertThat(row.getText()).contains("server").contains("Placed Order");
            WebElement warning = driver.findElement(By.cssSelector(
                    "section.event-quality[data-event='Placed Order'] tr.warning[data-kind='missing'][data-property='currency']"));
            assertThat(warning.getText()).contains("currency").contains("missing").contains("1").contains("order-101");
        });
        browser.screenshot("05-data-quality");

        driver.findElement(By.cssSelector("section.event-quality[data-event='Placed Order'] tr.warning[data-kind='missing'] a.example")).click();

        assertThat(driver.findElement(By.id("event-json")).getText()).contains("\"eventId\" : \"order-101\"");
    }

    @Test
    @Order(6)
    void findsAProfileByEmailWithTheMergeInItsTimeline() {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            open("/dashboard/profiles");
            type("profile-q", ANN);
            submit(By.id("search"));
            assertThat(driver.findElement(By.id("timeline")).findElements(By.cssSelector("li.profiles_merged"))).hasSize(1);
            assertThat(driver.findElements(By.cssSelector("#merged-ids code.merged-id"))).hasSize(1);
        });
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("Session started").contains("Paid Social").contains("Placed Order")
                .containsPattern("Merged profile \\S+ into this one");
        browser.screenshot("06-profile");
    }

    @Test
    @Order(7)
    void rebuildsAProjectionAndShowsItFinish() {
        open("/dashboard/projections");
        WebElement eventLog = driver.findElement(By.id("projection-event-log"));
        eventLog.findElement(By.cssSelector("button.rebuild")).click();
        driver.switchTo().alert().accept();

        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.cssSelector("#projection-event-log .rebuild-state")).getText().contains("finished at"));
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement rebuilt = d.findElement(By.id("projection-event-log"));
            return "live".equals(rebuilt.getAttribute("data-status")) && rebuilt.getText().contains("100%");
        });
        browser.screenshot("07-projections");
        new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(d ->
                "0".equals(d.findElement(By.cssSelector("#projection-event-log td.dead-letters")).getText()));
        open("/dashboard/dead-letters");
        assertThat(driver.findElement(By.id("no-dead-letters")).getText()).contains("No dead letters");

        await().atMost(PATIENCE).untilAsserted(() -> {
            open("/dashboard/events");
            assertThat(rows()).hasSize(7);
        });
    }

    @Test
    @Order(8)
    void tailsNewEventsLive() {
        open("/dashboard/events");
        driver.findElement(By.id("live-tail")).click();
        new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(By.id("tail-status")).getText().startsWith("live"));

        webhook200(order("order-103", "EUR"), "urn:email:" + ANN);

        new WebDriverWait(driver, PATIENCE).until(d -> rows().size() == 8);
        assertThat(rows().get(0).getText()).contains("Placed Order").contains("accepted");
    }

    @Test
    @Order(9)
    void showsTheBlendedReportWithItsPickersTableAndCharts() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        spend(today, AdPlatform.META, "spring-sale", "12.50", 1000, 40);
        spend(today, AdPlatform.GOOGLE, "brand", "7.50", 500, 10);

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            open("/dashboard/blended");
            assertThat(driver.findElement(By.id("blended-from")).getAttribute("value")).isEqualTo(today.minusDays(29).toString());
            assertThat(driver.findElement(By.id("report-totals")).getText()).contains("Total").contains("20.00");
            assertThat(reportRow("Meta Ads").getText()).contains("12.50");
        });
        assertThat(driver.findElement(By.id("report-table")).getAttribute("data-model")).isEqualTo("last_touch");
        assertThat(headings()).startsWith("Channel group", "Channel").doesNotContain("Campaign");
        assertThat(reportRow("Google Ads").findElement(By.cssSelector("td.revenue")).getText()).isEqualTo("0.00");
        assertThat(reportRow("Google Ads").findElement(By.cssSelector("td.roas")).getText()).isEqualTo("0.00");
        assertCharts();

        new Select(driver.findElement(By.id("blended-model"))).selectByValue("first_touch");
        new Select(driver.findElement(By.id("blended-group"))).selectByValue("campaign");
        submit(By.id("blended-show"));

        assertThat(driver.getCurrentUrl()).contains("model=first_touch").contains("groupBy=campaign");
        assertThat(driver.findElement(By.id("report-table")).getAttribute("data-model")).isEqualTo("first_touch");
        assertThat(driver.findElement(By.id("report-table")).getAttribute("data-group-by")).isEqualTo("campaign");
        assertThat(headings()).contains("Campaign");
        assertThat(reportRow("spring-sale").getText()).contains("Meta Ads").contains("12.50");
        assertThat(reportRow("brand").getText()).contains("Google Ads").contains("7.50");
        assertCharts();
        browser.screenshot("08-blended");

        open("/dashboard/blended?from=2025-13-01&to=2025-03-01&model=best");
        assertThat(driver.findElement(By.id("report-problems")).getText()).contains("from: must be a date like 2025-03-01")
                .contains("model: must be one of").doesNotContain("Exception");
        assertThat(new Select(driver.findElement(By.id("blended-model"))).getOptions()).hasSize(AttributionModel.values().length);

        open("/dashboard/blended?from=2001-01-01&to=2001-01-31");
        assertThat(driver.findElement(By.id("no-rows")).getText()).contains("No sessions, orders or spend in this period");
    }

    @Test
    @Order(10)
    void showsMarketingSourcesAndSyncsOneNow() {
        open("/dashboard/marketing");
        assertThat(driver.findElement(By.id("no-marketing-sources")).getText()).contains("POST /api/marketing-sources")
                .contains("http://localhost:" + port + "/api/marketing-sources");

        Api.Response created = api.admin("POST", "/api/marketing-sources", Map.of("platform", "meta", "name", "Meta EU",
                "accountId", "act_1234567890", "currency", "EUR", "credentials", Map.of("accessToken", "not-a-real-token"),
                "apiBaseUrl", "http://127.0.0.1:9"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            open("/dashboard/marketing");
            WebElement row = driver.findElement(By.id("marketing-" + id));
            assertThat(row.getText()).contains("Meta EU").contains("meta").contains("1234567890").contains("active")
                    .contains("never");
        });
        driver.findElement(By.cssSelector("#marketing-" + id + " button.sync-now")).click();

        WebElement feedback = new WebDriverWait(driver, PATIENCE).until(d -> {
            WebElement result = d.findElement(By.id("sync-feedback-" + id));
            return result.getText().isBlank() ? null : result;
        });
        assertThat(feedback.getText()).startsWith("Sync started for ");
        assertThat(feedback.findElement(By.className("sync-result")).getAttribute("class")).contains("ok");
        browser.screenshot("09-marketing");

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            open("/dashboard/marketing");
            assertThat(driver.findElement(By.cssSelector("#marketing-" + id + " td.last-sync")).getText()).contains("manual");
        });
    }

    @Test
    @Order(11)
    void showsMessagesInsteadOfStackTraces() {
        open("/dashboard/quality?from=someday");
        String page = driver.findElement(By.tagName("body")).getText();
        assertThat(page).contains("from: must be an ISO-8601 instant").doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    @Order(12)
    void logsOut() {
        open("/dashboard/sources");
        submit(By.id("logout"));
        open("/dashboard/sources");

        assertThat(driver.getCurrentUrl()).contains("/dashboard/login");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Submits the Event Log filters and waits for the page they lead to. */
    private void applyFilters() {
        submit(By.id("apply-filters"));
    }

    /** Clicks a button that submits a form, and waits for the next page. */
    private void submit(By button) {
        WebElement before = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        // a node detached while Chromium inspects it can answer a plain WebDriverException: keep waiting
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(before));
        new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private void createSource(String name, String type) {
        type("source-name", name);
        new Select(driver.findElement(By.id("source-type"))).selectByValue(type);
        submit(By.id("create"));
    }

    /** The report row whose group keys include this text. */
    private WebElement reportRow(String key) {
        return driver.findElements(By.cssSelector("#report-rows tr.report-row")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.key")).stream().anyMatch(td -> td.getText().equals(key)))
                .findFirst().orElseThrow(() -> new AssertionError("no report row for " + key));
    }

    private List<String> headings() {
        return driver.findElements(By.cssSelector("#report-table thead th")).stream().map(WebElement::getText).toList();
    }

    /** Both charts are drawn by Chart.js: a canvas each, with a Chart instance and its lines. */
    @SuppressWarnings("unchecked")
    private void assertCharts() {
        for (String chart : List.of("revenue-spend-chart", "roas-chart")) {
            Object lines = new WebDriverWait(driver, PATIENCE).until(d -> driver.executeScript(
                    "const chart = window.Chart && Chart.getChart(document.getElementById(arguments[0]));"
                            + "return chart ? chart.data.datasets.map(s => s.label) : null;", chart));
            assertThat((List<?>) lines).as(chart).isNotEmpty();
        }
        assertThat((List<Object>) driver.executeScript("return Chart.getChart(document.getElementById('revenue-spend-chart'))"
                + ".data.datasets.map(s => s.label)")).containsExactly("Revenue", "Spend");
        assertThat((List<Object>) driver.executeScript("return Chart.getChart(document.getElementById('roas-chart'))"
                + ".data.datasets.map(s => s.label)")).contains("All channels");
    }

    /** A day of ad metrics, as a marketing source's sync records it. */
    private void spend(LocalDate day, AdPlatform platform, String campaign, String amount, long impressions, long clicks) {
        events.publish(new MetricDayRecorded("dashboard-" + platform.wireName(), day, 1, List.of(new MetricRow(day, platform,
                "acct-" + platform.wireName(), campaign + "-id", campaign, null, null, null, null, new BigDecimal(amount),
                impressions, clicks, BigDecimal.ONE, new BigDecimal("20.00"), "EUR")), "sync-" + campaign, Instant.now()));
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#log-rows tr.entry"));
    }

    private void collect(Map<String, Object> event) {
        assertThat(api.collect(browserToken, List.of(event)).status()).isEqualTo(200);
    }

    private void webhook200(Map<String, Object> event) {
        Api.Response response = api.webhook(serverToken, event);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void webhook200(Map<String, Object> properties, String... aliases) {
        webhook200(with(webhook("Placed Order", (String) properties.get("id"), List.of(aliases)), "properties", properties));
    }

    private static Map<String, Object> order(String id, String currency) {
        Map<String, Object> order = new java.util.LinkedHashMap<>();
        order.put("id", id);
        order.put("total_price", "20.00");
        if (currency != null) {
            order.put("currency", currency);
        }
        order.put("items", List.of(Map.of("product_id", "p1", "price", "20.00", "quantity", 1)));
        return order;
    }
}
