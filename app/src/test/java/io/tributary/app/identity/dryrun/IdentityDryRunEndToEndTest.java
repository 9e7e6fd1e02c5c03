package io.tributary.app.identity.dryrun;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through HTTP on the embedded store: a shared email glued two shoppers; a dry-run with that email blocked reports
 * the split and the revenue per channel group before and after, and leaves the live read models alone. Its apply makes
 * the rules live for new tracked events and splits the merge the email glued, so that the live report equals the
 * dry-run's "after". The reports cover 1-15 March 2017, which no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityDryRunEndToEndTest {

    private static final String FROM = "2017-03-01";
    private static final String TO = "2017-03-15";
    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    Api api;
    String serverToken;
    String browserToken;
    final String u = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void sources() {
        api = new Api(port);
        serverToken = (String) api.createSource("identity dry-run server " + u, "server").get("token");
        browserToken = (String) api.createSource("identity dry-run web " + u, "browser").get("token");
    }

    @Test
    void dryRunWithASharedEmailBlockedReportsTheSplitAndRevenueAndApplyMakesThemLive() {
        String value = "info-" + u + "@shop.example";
        String email = "urn:email:" + value;
        String alice = anon();
        String bob = anon();
        visit(alice, "2017-03-02T10:00:00Z", "https://shop.example/", "https://www.google.com/");
        order(List.of(alice, email), "2017-03-02T10:05:00Z", "100.00");
        visit(bob, "2017-03-02T12:00:00Z", "https://shop.example/?utm_source=news-" + u + "&utm_medium=newsletter", null);
        order(List.of(bob, email), "2017-03-02T12:05:00Z", "40.00");
        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(profileOf(bob)).as("the shared email glued Bob to Alice").isNotNull()
                    .isEqualTo(profileOf(alice));
            assertThat(number(liveGroups().get("Organic Search"), "revenue"))
                    .as("first touch credits Bob's order to Alice's visit").isEqualByComparingTo("140.00");
        });
        String glued = profileOf(alice);
        Map<String, Map<String, Object>> liveBefore = liveGroups();

        String runId = start(Map.of("model", "first_touch", "from", FROM, "to", TO, "blockedValues", List.of(value)));
        Map<String, Object> view = finishedView(runId, "done");
        Map<String, Object> diff = (Map<String, Object>) view.get("diff");

        assertThat((Map<String, Object>) view.get("identityRules")).containsEntry("blockedValues", List.of(value));
        assertThat((List<String>) diff.get("profilesSplit")).contains(glued);
        assertThat((List<String>) diff.get("profilesMerged")).doesNotContain(glued);
        assertThat((List<Map<String, Object>>) diff.get("profileChanges"))
                .filteredOn(c -> ((List<?>) c.get("profileIds")).contains(glued)).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("change", "split").containsEntry("parts", 2)
                        .containsEntry("trackedEvents", 4).containsEntry("aliases", List.of(email)));
        assertThat(((Number) diff.get("profilesSplitCount")).longValue()).isPositive();
        assertThat(diff.get("sessionsBefore")).isNotNull();
        Map<String, Map<String, Object>> groups = groups(diff);
        assertMoney(groups.get("Organic Search"), "revenueBefore", "140.00");
        assertMoney(groups.get("Organic Search"), "revenueAfter", "100.00");
        assertMoney(groups.get("Email"), "revenueBefore", "0");
        assertMoney(groups.get("Email"), "revenueAfter", "40.00");
        assertMoney(groups.get("Email"), "ordersAfter", "1");
        groups.forEach((group, change) -> assertThat(number(change, "revenueBefore"))
                .as("the replay under the rules in force reports %s as the live report does", group)
                .isEqualByComparingTo(number(liveBefore.getOrDefault(group, Map.of("revenue", "0")), "revenue")));
        assertThat(liveGroups()).as("a dry-run leaves the live reports alone").isEqualTo(liveBefore);
        assertThat(profileOf(bob)).as("a dry-run leaves the live profiles alone").isEqualTo(glued);
        assertThat(dashboard("/dashboard/dry-runs/" + runId)).contains("data-status=\"done\"", "profile-changes",
                glued, email, "session-counts");

        try {
            Api.Response applied = api.admin("POST", "/api/identity/dry-runs/" + runId + "/apply", null);
            assertThat(applied.status()).as(applied.body()).isEqualTo(202);
            Map<String, Object> apply = (Map<String, Object>) finishedView(runId, "applied").get("apply");
            assertThat(apply.get("identityRulesVersion")).isNotNull();
            assertThat((String) apply.get("identityRestatement")).contains("newly block are split");
            assertThat(apply).containsEntry("profilesSplit", 1);
            assertThat(api.admin("POST", "/api/identity/dry-runs/" + runId + "/apply", null).status())
                    .as("an apply happens once").isEqualTo(409);
            assertThat(dashboard("/dashboard/dry-runs/" + runId)).contains("data-status=\"applied\"",
                    "id=\"identity-rules-version\">" + apply.get("identityRulesVersion") + "<",
                    "id=\"profiles-split-by-apply\">1<");

            String carol = anon();
            String dave = anon();
            order(List.of(carol, email), "2017-04-05T10:00:00Z", "10.00");
            order(List.of(dave, email), "2017-04-05T11:00:00Z", "20.00");
            await().atMost(READ_SIDE).untilAsserted(() -> {
                assertThat(profileOf(carol)).isNotNull();
                assertThat(profileOf(dave)).as("the blocked email glues nobody new").isNotNull()
                        .isNotEqualTo(profileOf(carol));
                assertThat(profileOf(bob)).as("the merge the email glued is split").isNotEqualTo(profileOf(alice));
                Map<String, Map<String, Object>> live = liveGroups();
                groups.forEach((group, change) -> assertThat(number(live.getOrDefault(group,
                        Map.of("revenue", "0")), "revenue")).as("live revenue of %s equals the dry-run's after", group)
                        .isEqualByComparingTo(number(change, "revenueAfter")));
            });
        } finally {
            restoreBlockedValues();
        }
    }

    @Test
    void refusesBadIdentityCandidatesNamingEveryField() {
        Map<String, Object> limits = new HashMap<>();
        limits.put("email", -1);
        limits.put("emial", 2);
        Api.Response response = api.admin("POST", "/api/identity/dry-runs", Map.of("aliasLimits", limits,
                "blockedValues", List.of(" ", "urn:email:x@example.com"), "aliasPriority", List.of("email", "email",
                        "fax"), "sessionTimeout", "PT30S"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(((List<Map<String, Object>>) response.json().get("errors")).stream().map(e -> e.get("field")))
                .containsExactlyInAnyOrder("aliasLimits.email", "aliasLimits.emial", "blockedValues[0]",
                        "blockedValues[1]", "aliasPriority[1]", "aliasPriority[2]", "sessionTimeout");
    }

    @Test
    void theDashboardStartsIdentityDryRunsAndNamesEveryProblem() {
        assertThat(dashboard("/dashboard/channel-rules")).contains("identity-dry-run-form", "aliasPriority",
                "sessionTimeout");

        HttpResponse<String> refused = dashboardForm("/dashboard/identity/dry-runs",
                "{\"aliasLimits\": {\"fax\": 1}, \"sessionTimeout\": \"PT10S\"}");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("identity-problems", "aliasLimits.fax", "sessionTimeout");

        HttpResponse<String> started = dashboardForm("/dashboard/identity/dry-runs", "{\"sessionTimeout\": \"PT30M\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        String runId = location.substring(location.lastIndexOf('/') + 1);
        assertThat((Map<String, Object>) finishedView(runId, "done").get("identityRules"))
                .containsEntry("sessionTimeout", "PT30M");
    }

    /** The test settings block no extra values: an applied dry-run with none puts them back. */
    private void restoreBlockedValues() {
        String restore = start(Map.of("blockedValues", List.of(), "from", FROM, "to", TO));
        finishedView(restore, "done");
        assertThat(api.admin("POST", "/api/identity/dry-runs/" + restore + "/apply", null).status()).isEqualTo(202);
        finishedView(restore, "applied");
    }

    /** A page of the dashboard, logged in with the admin token. */
    private String dashboard(String path) {
        try {
            HttpClient http = loggedIn();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            return page.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Posts the dashboard's identity dry-run form, logged in with the admin token; redirects are not followed. */
    private HttpResponse<String> dashboardForm(String path, String identityRules) {
        try {
            HttpClient http = loggedIn();
            String base = "http://127.0.0.1:" + port;
            String form = "identityRules=" + URLEncoder.encode(identityRules, StandardCharsets.UTF_8)
                    + "&attributionModel=last_touch";
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpClient loggedIn() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Api.ADMIN_TOKEN)).build(),
                HttpResponse.BodyHandlers.discarding());
        return http;
    }

    private String start(Map<String, Object> candidate) {
        Api.Response started = api.admin("POST", "/api/identity/dry-runs", candidate);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return (String) started.json().get("id");
    }

    private Map<String, Object> finishedView(String id, String status) {
        await().atMost(READ_SIDE).until(() -> status.equals(api.get("/api/identity/dry-runs/" + id).json().get("status")));
        return api.get("/api/identity/dry-runs/" + id).json();
    }

    private void visit(String alias, String at, String url, String referrer) {
        Api.Response page = api.collect(browserToken, List.of(with(pixel("$page_load", null, url, referrer,
                List.of(alias)), "timestamp", at)));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
    }

    private void order(List<String> aliases, String at, String total) {
        Map<String, Object> order = with(webhook("Placed Order", "order-" + UUID.randomUUID(), aliases),
                "properties", Map.of("total_price", total, "currency", "EUR"));
        Api.Response placed = api.webhook(serverToken, with(order, "timestamp", at));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    }

    private String profileOf(String alias) {
        Api.Response response = api.get("/api/profiles?alias=" + alias);
        return response.status() == 200 ? (String) response.json().get("profileId") : null;
    }

    private Map<String, Map<String, Object>> liveGroups() {
        Api.Response report = api.get("/api/reports/blended?from=" + FROM + "&to=" + TO
                + "&groupBy=channelGroup&model=first_touch");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) report.json().get("rows")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("channelGroup"), Function.identity()));
    }

    private static Map<String, Map<String, Object>> groups(Map<String, Object> diff) {
        return ((List<Map<String, Object>>) diff.get("channelGroups")).stream()
                .collect(Collectors.toMap(g -> (String) g.get("channelGroup"), Function.identity()));
    }

    private static void assertMoney(Map<String, Object> map, String field, String expected) {
        assertThat(map).as("%s of a channel group", field).isNotNull();
        assertThat(number(map, field)).as(field + " of " + map).isEqualByComparingTo(expected);
    }

    private static BigDecimal number(Map<String, Object> map, String field) {
        Object value = map == null ? null : map.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String anon() {
        return "urn:anonymous_id:" + UUID.randomUUID();
    }
}
