package io.tributary.app.identity.dryrun;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through HTTP on the embedded store: a dry-run of custom channel rules reports exactly the sessions and revenue that
 * would change, and its apply makes the live sessions and reports equal its "after". Its reports cover 1-15 April
 * 2021, which no other test uses, and its rules only match values unique to the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChannelDryRunEndToEndTest {

    private static final String FROM = "2021-04-01";
    private static final String TO = "2021-04-15";
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
        serverToken = (String) api.createSource("dry-run server " + u, "server").get("token");
        browserToken = (String) api.createSource("dry-run web " + u, "browser").get("token");
    }

    @AfterEach
    void builtInRulesAgain() {
        api.admin("PUT", "/api/channel-rules", Map.of("rules", List.of()));
    }

    @Test
    void dryRunReportsTheSessionsAndRevenueThatChangeAndApplyMakesThemLive() {
        Map<String, Object> partner = visitAndOrder("2021-04-02T10:00:00Z", "https://shop.example/",
                "https://blog.partner-" + u + ".example/post", "100.00");
        Map<String, Object> crm = visitAndOrder("2021-04-03T10:00:00Z",
                "https://shop.example/?utm_source=crm-" + u + "&utm_medium=newsletter", null, "50.00");
        Map<String, Object> organic = visitAndOrder("2021-04-04T10:00:00Z", "https://shop.example/",
                "https://www.google.com/", "30.00");
        Map<String, Object> candidate = Map.of("model", "last_touch", "from", FROM, "to", TO, "channelRules", List.of(
                rule(Map.of("referrerDomain", "partner-" + u + ".example"), "Affiliates", "Partner " + u, "deal-" + u),
                rule(Map.of("utmSource", "crm-" + u), "Email", "CRM " + u, null)));
        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Map<String, Object>> reported = liveGroups();
            assertThat(reported).as("all three orders are reported").containsKeys("Referral", "Email", "Organic Search");
            List.of("Referral", "Email", "Organic Search").forEach(group -> assertThat(number(reported.get(group),
                    "revenue")).as("credited revenue of %s (the roll-ups catch up after the sessions)", group).isPositive());
        });
        Map<String, Map<String, Object>> liveBefore = liveGroups();

        Map<String, Object> diff = finished(start(candidate), "done");

        assertThat(diff).containsEntry("currency", "EUR").containsEntry("from", FROM).containsEntry("to", TO);
        assertThat(((Number) diff.get("sessionsChanged")).intValue()).isEqualTo(sessions(diff).size());
        List<Object> mine = List.of(partner.get("session_id"), crm.get("session_id"), organic.get("session_id"));
        assertThat(sessions(diff)).filteredOn(s -> mine.contains(s.get("sessionId"))).extracting(s -> s.get("sessionId"), s -> ((Map<?, ?>) s.get("before")).get("channel"),
                        s -> ((Map<?, ?>) s.get("after")).get("channelGroup"), s -> ((Map<?, ?>) s.get("after")).get("channel"),
                        s -> ((Map<?, ?>) s.get("after")).get("campaign"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(partner.get("session_id"), "blog.partner-" + u + ".example",
                                "Affiliates", "Partner " + u, "deal-" + u),
                        org.assertj.core.groups.Tuple.tuple(crm.get("session_id"), "Crm-" + u, "Email", "CRM " + u, null));
        assertThat(sessions(diff)).noneMatch(s -> organic.get("session_id").equals(s.get("sessionId")));
        Map<String, Map<String, Object>> groups = groups(diff);
        assertMoney(groups.get("Affiliates"), "revenueBefore", "0");
        assertMoney(groups.get("Affiliates"), "revenueAfter", "100.00");
        assertMoney(groups.get("Referral"), "revenueAfter", number(groups.get("Referral"), "revenueBefore")
                .subtract(new BigDecimal("100.00")).toPlainString());
        assertMoney(groups.get("Email"), "revenueAfter", number(groups.get("Email"), "revenueBefore").toPlainString());
        groups.forEach((group, change) -> assertThat(number(change, "revenueBefore"))
                .as("the shadow 'before' of %s equals the live report", group)
                .isEqualByComparingTo(number(liveBefore.getOrDefault(group, Map.of("revenue", "0")), "revenue")));
        assertThat(liveGroups()).as("a dry-run leaves the live read models alone").doesNotContainKey("Affiliates");

        Api.Response applied = api.admin("POST", "/api/identity/dry-runs/" + diff.get("runId") + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(202);
        Map<String, Object> view = finishedView((String) diff.get("runId"), "applied");
        assertThat((Map<String, Object>) view.get("apply")).as("the sessions the dry-run listed")
                .containsEntry("sessionsReclassified", diff.get("sessionsChanged"));
        long version = ((Number) ((Map<?, ?>) view.get("apply")).get("rulesVersion")).longValue();
        assertThat(api.get("/api/channel-rules").json()).containsEntry("version", (int) version);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Map<String, Object>> live = liveGroups();
            groups.forEach((group, change) -> {
                assertThat(number(live.getOrDefault(group, Map.of("revenue", "0", "orders", "0")), "revenue"))
                        .as("live revenue of %s", group).isEqualByComparingTo(number(change, "revenueAfter"));
                assertThat(number(live.getOrDefault(group, Map.of("revenue", "0", "orders", "0")), "orders"))
                        .as("live orders of %s", group).isEqualByComparingTo(number(change, "ordersAfter"));
            });
            assertThat(api.get("/api/profiles/" + partner.get("profile_id") + "/sessions").jsonList()).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("channelGroup", "Affiliates")
                            .containsEntry("channel", "Partner " + u));
        });
        String page = dashboard("GET", "/dashboard/dry-runs/" + diff.get("runId"), null);
        assertThat(page).contains("data-status=\"applied\"", "Partner " + u, "Affiliates", "apply-result");
        assertThat(dashboard("GET", "/dashboard/channel-rules", null)).contains("Partner " + u)
                .contains("id=\"rules-version\">" + version + "<");
        Map<String, Object> again = finished(start(candidate), "done");
        assertThat(sessions(again)).as("after the apply the same rules change nothing")
                .noneMatch(s -> mine.contains(s.get("sessionId")));
        groups(again).forEach((group, change) -> assertThat(number(change, "revenueAfter")).as(group)
                .isEqualByComparingTo(number(change, "revenueBefore")));
    }

    @Test
    void newSessionsUseChangedRulesAtOnce() {
        Api.Response put = api.admin("PUT", "/api/channel-rules", Map.of("rules", List.of(
                rule(Map.of("landingParams", Map.of("ref", "*"), "utmSource", "club-" + u), "Affiliates", "Club " + u, null))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json()).extracting(r -> ((List<?>) r.get("rules")).size()).isEqualTo(1);

        Map<String, Object> visit = visitAndOrder("2021-04-25T10:00:00Z",
                "https://shop.example/?utm_source=club-" + u + "&ref=anna", null, "10.00");

        await().atMost(READ_SIDE).ignoreExceptions().untilAsserted(() -> assertThat(
                api.get("/api/profiles/" + visit.get("profile_id") + "/sessions").jsonList()).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("channelGroup", "Affiliates")
                        .containsEntry("channel", "Club " + u)));
    }

    @Test
    void theDashboardNamesEveryProblemOfCandidateRules() throws Exception {
        String page = dashboard("POST", "/dashboard/channel-rules/dry-runs",
                "rules=" + java.net.URLEncoder.encode("[{\"when\":{},\"then\":{\"channel\":\"X\"}}]",
                        java.nio.charset.StandardCharsets.UTF_8) + "&attributionModel=last_touch");

        assertThat(page).contains("rule-problems", "rules[0].when", "rules[0].then.channelGroup");
    }

    @Test
    void refusesBadRulesAndCandidatesNamingEachField() {
        Api.Response put = api.admin("PUT", "/api/channel-rules", Map.of("rules", List.of(
                Map.of("when", Map.of(), "then", Map.of("channel", "X")))));
        assertThat(put.status()).isEqualTo(400);
        assertThat(fields(put)).containsExactlyInAnyOrder("rules[0].when", "rules[0].then.channelGroup");

        Api.Response dryRun = api.admin("POST", "/api/identity/dry-runs", Map.of("model", "best",
                "aliasLimits", Map.of("email", -2), "channelRules", List.of()));
        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(fields(dryRun)).containsExactlyInAnyOrder("model", "aliasLimits.email");
        assertThat(api.get("/api/identity/dry-runs/nope-" + u).status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/channel-rules", null, null).status()).as("admin only").isEqualTo(401);
    }

    /** A page of the dashboard, logged in with the admin token. */
    private String dashboard(String method, String path, String form) {
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager()).build();
            String base = "http://127.0.0.1:" + port;
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/dashboard/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + Api.ADMIN_TOKEN)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).header("Origin", base);
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(form));
            } else {
                request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
            }
            var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String start(Map<String, Object> candidate) {
        Api.Response started = api.admin("POST", "/api/identity/dry-runs", candidate);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return (String) started.json().get("id");
    }

    private Map<String, Object> finished(String id, String status) {
        Map<String, Object> view = finishedView(id, status);
        Map<String, Object> diff = new java.util.LinkedHashMap<>((Map<String, Object>) view.get("diff"));
        diff.put("runId", id);
        return diff;
    }

    private Map<String, Object> finishedView(String id, String status) {
        await().atMost(READ_SIDE).until(() -> status.equals(api.get("/api/identity/dry-runs/" + id).json().get("status")));
        return api.get("/api/identity/dry-runs/" + id).json();
    }

    private Map<String, Object> visitAndOrder(String at, String url, String referrer, String total) {
        String anon = "urn:anonymous_id:" + UUID.randomUUID();
        Api.Response page = api.collect(browserToken, List.of(with(pixel("$page_load", null, url, referrer,
                List.of(anon)), "timestamp", at)));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Map<String, Object> order = with(webhook("Placed Order", "order-" + UUID.randomUUID(), List.of(anon)),
                "properties", Map.of("total_price", total, "currency", "EUR"));
        Api.Response placed = api.webhook(serverToken, with(order, "timestamp",
                java.time.Instant.parse(at).plusSeconds(300).toString()));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.json().get("session_id")).as("the order joins the visit").isNotNull();
        return placed.json();
    }

    private Map<String, Map<String, Object>> liveGroups() {
        Api.Response report = api.get("/api/reports/blended?from=" + FROM + "&to=" + TO
                + "&groupBy=channelGroup&model=last_touch");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return ((List<Map<String, Object>>) report.json().get("rows")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("channelGroup"), Function.identity()));
    }

    private static Map<String, Object> rule(Map<String, Object> when, String group, String channel, String campaign) {
        Map<String, Object> then = new java.util.HashMap<>(Map.of("channelGroup", group, "channel", channel));
        if (campaign != null) {
            then.put("campaign", campaign);
        }
        return Map.of("name", channel, "when", when, "then", then);
    }

    private static List<Map<String, Object>> sessions(Map<String, Object> diff) {
        return (List<Map<String, Object>>) diff.get("sessions");
    }

    private static Map<String, Map<String, Object>> groups(Map<String, Object> diff) {
        return ((List<Map<String, Object>>) diff.get("channelGroups")).stream()
                .collect(Collectors.toMap(g -> (String) g.get("channelGroup"), Function.identity()));
    }

    private static List<Object> fields(Api.Response response) {
        return ((List<Map<String, Object>>) response.json().get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private static void assertMoney(Map<String, Object> map, String field, String expected) {
        assertThat(number(map, field)).as(field + " of " + map).isEqualByComparingTo(expected);
    }

    private static BigDecimal number(Map<String, Object> map, String field) {
        Object value = map.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }
}
