package io.tributary.app.report;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through HTTP on the embedded store: browser and webhook events over several days and channels, ad metrics
 * recorded by a marketing source, the blended report, then a late session and a late merge that re-attribute an
 * order already reported. Its data lives in May 2022, which no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportEndToEndTest {

    private static final String RANGE = "from=2022-05-01&to=2022-05-07";
    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    Api api;
    String serverToken;
    String browserToken;
    final String u = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void sources() {
        api = new Api(port);
        serverToken = (String) api.createSource("shop server " + u, "server").get("token");
        browserToken = (String) api.createSource("shop web " + u, "browser").get("token");
    }

    @Test
    void blendsAttributedOrdersWithAdSpendAndFollowsALateMerge() {
        String annA = anon();
        String bobB = anon();
        page(annA, "2022-05-02T10:00:00Z", "https://shop.example/?utm_source=facebook&utm_medium=cpc"
                + "&utm_campaign=spring%20sale%20" + u + "&fbclid=fb1", "https://l.facebook.com/");
        order(annA, "order-a-" + u, "2022-05-02T10:05:00Z", Map.of("total_price", "120.00", "currency", "EUR",
                "$is_new_customer", true));
        page(bobB, "2022-05-03T09:00:00Z", "https://shop.example/?gclid=g1&cvg_cid=GC" + u, null);
        page(bobB, "2022-05-04T12:00:00Z", "https://shop.example/", "https://www.google.com/");
        String bobsOrder = "order-b-" + u;
        order(bobB, bobsOrder, "2022-05-04T12:10:00Z", Map.of("total_price", "80.00", "currency", "EUR"));
        order("urn:email:dora-" + u + "@example.com", "order-d-" + u, "2022-05-05T08:00:00Z",
                Map.of("total_price", "40.00", "currency", "EUR", "landing_site", "/?gclid=g2&cvg_cid=GC" + u,
                        "referring_site", "https://www.google.com/"));
        spend("meta-" + u, "2022-05-02", AdPlatform.META, "M" + u, "Spring Sale " + u, "60.00", 2000, 40);
        spend("google-" + u, "2022-05-03", AdPlatform.GOOGLE, "GC" + u, "Brand " + u, "40.00", 1000, 50);
        spend("google-" + u, "2022-05-04", AdPlatform.GOOGLE, "GC" + u, "Brand " + u, "10.00", 500, 10);
        spend("tiktok-" + u, "2022-05-05", AdPlatform.TIKTOK, "T" + u, "Launch " + u, "25.00", 800, 8);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> report = report("groupBy=campaign&model=last_touch");
            assertThat(report).containsEntry("model", "last_touch").containsEntry("currency", "EUR")
                    .containsEntry("mode", "conversion_time");
            assertThat(rows(report)).hasSize(4);
            assertRow(campaign(report, "M" + u), "Meta Ads", 1, "1.00", "120.00", "60.00", "2.0000", "60.00");
            assertThat(number(campaign(report, "M" + u), "newCustomerOrders")).isEqualByComparingTo("1.00");
            assertThat(campaign(report, "M" + u)).containsEntry("campaign", "Spring Sale " + u)
                    .containsEntry("platform", "meta");
            Map<String, Object> google = campaign(report, "GC" + u);
            assertRow(google, "Google Ads", 1, "1.00", "40.00", "50.00", "0.8000", "50.00");
            assertThat(google).containsEntry("impressions", 1500).containsEntry("clicks", 60);
            assertThat(number(google, "cpc")).isEqualByComparingTo("0.83");
            assertThat(number(google, "ctr")).isEqualByComparingTo("0.0400");
            assertRow(campaign(report, "T" + u), "TikTok Ads", 0, "0.00", "0.00", "25.00", "0.0000", null);
            Map<String, Object> organic = rows(report).stream().filter(r -> "Google".equals(r.get("channel")))
                    .findFirst().orElseThrow();
            assertRow(organic, "Google", 1, "1.00", "80.00", "0.00", null, "0.00");
            Map<String, Object> totals = (Map<String, Object>) report.get("totals");
            assertThat(totals).containsEntry("sessions", 3);
            assertThat(number(totals, "revenue")).isEqualByComparingTo("240.00");
            assertThat(number(totals, "spend")).isEqualByComparingTo("135.00");
            assertThat(number(totals, "roas")).isEqualByComparingTo("1.7778");
        });
        Map<String, Object> firstTouch = report("groupBy=campaign&model=first_touch");
        assertRow(campaign(firstTouch, "GC" + u), "Google Ads", 1, "2.00", "120.00", "50.00", "2.4000", "25.00");

        String eve = anon();
        page(eve, "2022-05-01T18:00:00Z", "https://shop.example/?utm_source=facebook&utm_medium=cpc"
                + "&utm_campaign=Spring%20Sale%20" + u, null);
        api.webhook(serverToken, with(webhook("Identify", "identify-" + u, List.of(eve, bobB)), "timestamp",
                "2022-05-06T09:00:00Z"));

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> report = report("groupBy=campaign&model=first_touch");
            assertRow(campaign(report, "M" + u), "Meta Ads", 2, "2.00", "200.00", "60.00", "3.3333", "30.00");
            assertRow(campaign(report, "GC" + u), "Google Ads", 1, "1.00", "40.00", "50.00", "0.8000", "50.00");
        });
        Map<String, Object> lastTouch = report("groupBy=channel&model=last_touch");
        assertThat(number(channel(lastTouch, "Google"), "revenue")).as("the last touch did not change")
                .isEqualByComparingTo("80.00");
        Map<String, Object> explained = api.get("/api/reports/conversions/" + bobsOrder + "/attribution?model=linear").json();
        assertThat((List<Map<String, Object>>) explained.get("touchpoints"))
                .extracting(t -> t.get("channel"), t -> number(t, "credit").setScale(4, java.math.RoundingMode.HALF_UP))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Meta Ads", new BigDecimal("0.3333")),
                        org.assertj.core.groups.Tuple.tuple("Google Ads", new BigDecimal("0.3333")),
                        org.assertj.core.groups.Tuple.tuple("Google", new BigDecimal("0.3333")));
        assertThat(explained).containsEntry("model", "linear").containsEntry("windowDays", 30);
    }

    @Test
    void chartsRevenuePerChannelPerDay() {
        String visitor = anon();
        page(visitor, "2022-05-12T10:00:00Z", "https://shop.example/?utm_source=newsletter&utm_medium=email", null);
        order(visitor, "order-ts-" + u, "2022-05-12T10:20:00Z", Map.of("total_price", "35.50", "currency", "EUR"));

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> series = api.get("/api/reports/timeseries?from=2022-05-11&to=2022-05-13"
                    + "&metric=revenue&groupBy=channel&interval=day").json();
            assertThat((List<Map<String, Object>>) series.get("series")).singleElement().satisfies(s -> {
                assertThat(s.get("label")).isEqualTo("Newsletter");
                assertThat((List<Map<String, Object>>) s.get("points")).extracting(p -> p.get("date"), p -> number(p, "value"))
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("2022-05-11", new BigDecimal("0.00")),
                                org.assertj.core.groups.Tuple.tuple("2022-05-12", new BigDecimal("35.50")),
                                org.assertj.core.groups.Tuple.tuple("2022-05-13", new BigDecimal("0.00")));
            });
        });
    }

    @Test
    void rejectsBadReportParametersNamingEachOne() {
        Api.Response response = api.get("/api/reports/blended?from=2022-13-01&groupBy=country&model=best&mode=now");

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("from", "to", "groupBy", "model", "mode");
        assertThat(api.get("/api/reports/conversions/nope-" + u + "/attribution").status()).isEqualTo(404);
        assertThat(api.send("GET", "/api/reports/blended?" + RANGE, null, null).status())
                .as("reports need the admin token").isEqualTo(401);
    }

    private Map<String, Object> report(String query) {
        Api.Response response = api.get("/api/reports/blended?" + RANGE + "&" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void page(String alias, String timestamp, String url, String referrer) {
        Api.Response response = api.collect(browserToken, List.of(with(pixel("$page_load", null, url, referrer,
                List.of(alias)), "timestamp", timestamp)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void order(String alias, String orderId, String timestamp, Map<String, Object> properties) {
        Map<String, Object> order = with(webhook("Placed Order", orderId, List.of(alias)), "properties", properties);
        Api.Response response = api.webhook(serverToken, with(order, "timestamp", timestamp));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void spend(String sourceId, String date, AdPlatform platform, String campaignId, String campaignName,
                       String spend, long impressions, long clicks) {
        LocalDate day = LocalDate.parse(date);
        events.publish(new MetricDayRecorded(sourceId, day, 1, List.of(new MetricRow(day, platform, "acct-" + u,
                campaignId, campaignName, null, null, null, null, new BigDecimal(spend), impressions, clicks,
                BigDecimal.ONE, new BigDecimal("99.00"), "EUR")), "sync-" + u, Instant.now()));
    }

    private String anon() {
        return "urn:anonymous_id:" + UUID.randomUUID();
    }

    private static void assertRow(Map<String, Object> row, String channel, int sessions, String orders, String revenue,
                                  String spend, String roas, String cpa) {
        assertThat(row).as(row.toString()).containsEntry("channel", channel).containsEntry("sessions", sessions);
        assertThat(number(row, "orders")).as("orders of " + row).isEqualByComparingTo(orders);
        assertThat(number(row, "revenue")).as("revenue of " + row).isEqualByComparingTo(revenue);
        assertThat(number(row, "spend")).as("spend of " + row).isEqualByComparingTo(spend);
        if (roas == null) {
            assertThat(row.get("roas")).as("roas of " + row).isNull();
        } else {
            assertThat(number(row, "roas")).as("roas of " + row).isEqualByComparingTo(roas);
        }
        if (cpa == null) {
            assertThat(row.get("cpa")).as("cpa of " + row).isNull();
        } else {
            assertThat(number(row, "cpa")).as("cpa of " + row).isEqualByComparingTo(cpa);
        }
    }

    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> campaign(Map<String, Object> report, String campaignId) {
        return rows(report).stream().filter(r -> campaignId.equals(r.get("campaignId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no campaign " + campaignId + " in " + report.get("rows")));
    }

    private static Map<String, Object> channel(Map<String, Object> report, String channel) {
        return rows(report).stream().filter(r -> channel.equals(r.get("channel"))).findFirst()
                .orElseThrow(() -> new AssertionError("no channel " + channel + " in " + report.get("rows")));
    }

    private static BigDecimal number(Map<String, Object> map, String field) {
        Object value = map.get(field);
        return value == null ? null : new BigDecimal(value.toString());
    }
}
