package io.tributary.app.marketing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Meta Insights through a stub shaped like the Marketing API's answers. */
class MetaSyncEndToEndTest extends MarketingEndToEnd {

    private static final String TOKEN = "EAAGm0PX4ZCpsBAMetaTestToken9f3a";

    @Test
    void pullsEveryPageCountsOneActionTypeAndRetriesAfterARateLimit() {
        String path = "/v24.0/act_1001/insights";
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent())
                .willReturn(okJson(page(List.of(
                        insight("2026-02-01", "c1", "a1", "12.34", "1000", "25", "2", "99.80"),
                        insight("2026-02-01", "c1", "a2", "0.66", "80", "1", null, null)), "MjQZD"))));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("MjQZD"))
                .inScenario("meta rate limit").whenScenarioStateIs(STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"(#17) User request limit reached","type":"OAuthException","code":17,
                                  "error_subcode":2446079,"fbtrace_id":"AbCdEf"}}""")));
        platform.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("MjQZD"))
                .inScenario("meta rate limit").whenScenarioStateIs("limited")
                .willReturn(okJson(page(List.of(insight("2026-02-02", "c1", "a1", "20", "2000", "50", "3", "149.70")),
                        null))));
        String id = connect("meta", "act_1001", Map.of("accessToken", TOKEN), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-02"));

        assertThat(source).containsEntry("status", "active").containsEntry("rowsSynced", 3).containsEntry("daysSynced", 2);
        assertThat(lastSync(source)).containsEntry("status", "completed").containsEntry("retries", 1)
                .containsEntry("rowCount", 3).containsEntry("changedDays", 2);
        assertThat(lastError(source)).containsEntry("message", "(#17) User request limit reached")
                .containsEntry("fatal", false);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metrics(id, "2026-02-01", "2026-02-02", "ad"))
                        .extracting(l -> l.get("adId"), l -> l.get("spend"), l -> l.get("impressions"),
                                l -> l.get("platformConversions"), l -> l.get("platformConversionValue"),
                                l -> l.get("currency"))
                        .containsExactly(
                                tuple("a1", new BigDecimal("32.34"), 3000, 5, new BigDecimal("249.50"), "EUR"),
                                tuple("a2", new BigDecimal("0.66"), 80, 0, 0, "EUR")));
        platform.verify(getRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("level", equalTo("ad")).withQueryParam("time_increment", equalTo("1"))
                .withQueryParam("time_range", equalToJson("{\"since\":\"2026-02-01\",\"until\":\"2026-02-02\"}"))
                .withQueryParam("access_token", absent()));
    }

    @Test
    void recordsARestatedDayAsANewVersionAndReportsIt() {
        String path = "/v24.0/act_1002/insights";
        List<Map<String, Object>> firstPull = List.of(insight("2026-02-01", "c1", "a1", "10.00", "100", "5", "1", "50"),
                insight("2026-02-02", "c1", "a1", "20.00", "200", "6", "1", "50"),
                insight("2026-02-03", "c1", "a1", "30.00", "300", "7", "1", "50"));
        List<Map<String, Object>> restated = List.of(firstPull.get(0), firstPull.get(1),
                insight("2026-02-03", "c1", "a1", "30.00", "300", "7", "3", "175.50"));
        platform.stubFor(get(urlPathEqualTo(path)).inScenario("restatement").whenScenarioStateIs(STARTED)
                .willSetStateTo("restated").willReturn(okJson(page(firstPull, null))));
        platform.stubFor(get(urlPathEqualTo(path)).inScenario("restatement").whenScenarioStateIs("restated")
                .willReturn(okJson(page(restated, null))));
        String id = connect("meta", "1002", Map.of("accessToken", TOKEN), Map.of());
        assertThat(lastSync(awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-03")))).containsEntry("changedDays", 3);

        Map<String, Object> second = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-03"));

        assertThat(lastSync(second)).containsEntry("status", "completed").containsEntry("changedDays", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(history(id, "2026-02-03")).extracting(v -> v.get("version"), v -> v.get("platformConversions"))
                    .containsExactly(tuple(1, 1), tuple(2, 3));
            assertThat(metrics(id, "2026-02-01", "2026-02-03", "day"))
                    .extracting(l -> l.get("date"), l -> l.get("platformConversionValue"))
                    .containsExactly(tuple("2026-02-01", 50), tuple("2026-02-02", 50),
                            tuple("2026-02-03", new BigDecimal("175.50")));
        });
        assertThat(history(id, "2026-02-01")).extracting(v -> v.get("version")).containsExactly(1);
        assertThat(history(id, "2026-02-02")).extracting(v -> v.get("version")).containsExactly(1);
        assertThat(source(id)).containsEntry("rowsSynced", 3);
    }

    @Test
    void badCredentialsPutTheSourceInErrorWithMetasMessage() {
        platform.stubFor(get(urlPathEqualTo("/v24.0/act_1003/insights")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Invalid OAuth access token - Cannot parse access token",
                                  "type":"OAuthException","code":190,"fbtrace_id":"AbCdEf"}}""")));
        String id = connect("meta", "1003", Map.of("accessToken", "not-a-valid-token-1234"), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-01"));

        assertThat(source).containsEntry("status", "error");
        assertThat(lastSync(source)).containsEntry("status", "failed");
        assertThat(lastError(source)).containsEntry("message", "Invalid OAuth access token - Cannot parse access token")
                .containsEntry("fatal", true);
    }

    static String page(List<Map<String, Object>> insights, String after) {
        Map<String, Object> cursors = Map.of("before", "MAZDZD", "after", after == null ? "MAZDZD" : after);
        Map<String, Object> paging = after == null ? Map.of("cursors", cursors) : Map.of("cursors", cursors,
                "next", "https://graph.facebook.com/v24.0/act_0/insights?after=" + after);
        return Api.write(Map.of("data", insights, "paging", paging));
    }

    static Map<String, Object> insight(String date, String campaign, String ad, String spend, String impressions,
                                       String clicks, String purchases, String purchaseValue) {
        Map<String, Object> insight = new LinkedHashMap<>();
        insight.put("date_start", date);
        insight.put("date_stop", date);
        insight.put("account_currency", "EUR");
        insight.put("campaign_id", campaign);
        insight.put("campaign_name", "Campaign " + campaign);
        insight.put("adset_id", campaign + "-set");
        insight.put("adset_name", "Ad set of " + campaign);
        insight.put("ad_id", ad);
        insight.put("ad_name", "Ad " + ad);
        insight.put("spend", spend);
        insight.put("impressions", impressions);
        insight.put("clicks", clicks);
        if (purchases != null) {
            insight.put("actions", List.of(Map.of("action_type", "link_click", "value", clicks),
                    Map.of("action_type", "offsite_conversion.fb_pixel_purchase", "value", purchases),
                    Map.of("action_type", "omni_purchase", "value", purchases)));
            insight.put("action_values", List.of(
                    Map.of("action_type", "offsite_conversion.fb_pixel_purchase", "value", purchaseValue),
                    Map.of("action_type", "omni_purchase", "value", purchaseValue)));
        }
        return insight;
    }
}
