package io.tributary.app.marketing;

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

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TikTok's integrated report through a stub shaped like the API for Business answers. */
class TikTokSyncEndToEndTest extends MarketingEndToEnd {

    static final String PATH = "/open_api/v1.3/report/integrated/get/";
    private static final String TOKEN = "tiktok-access-token-0123456789abcdef";

    @Test
    void splitsARangeOfFortyDaysPagesThroughEachAndRetriesARateLimit() {
        platform.stubFor(report("7001", "2026-01-01", "2026-01-30", "1").willReturn(okJson(answer(List.of(
                item("2026-01-05", "ad-1", "20.51", "3021", "40", "3", "129.70"),
                item("2026-01-06", "ad-1", "10.00", "1000", "10", "0", "0")), 1, 2))));
        platform.stubFor(report("7001", "2026-01-01", "2026-01-30", "2").inScenario("tiktok limit")
                .whenScenarioStateIs(STARTED).willSetStateTo("ok").willReturn(okJson("""
                        {"code":40100,"message":"Too many requests. Please retry in some time.","request_id":"r","data":{}}""")));
        platform.stubFor(report("7001", "2026-01-01", "2026-01-30", "2").inScenario("tiktok limit")
                .whenScenarioStateIs("ok").willReturn(okJson(answer(List.of(
                        item("2026-01-05", "ad-2", "5.49", "979", "12", "1", "39.90")), 2, 2))));
        platform.stubFor(report("7001", "2026-01-31", "2026-02-09", "1").willReturn(okJson(answer(List.of(
                item("2026-02-09", "ad-1", "1.00", "100", "1", "0", "0")), 1, 1))));
        String id = connect("tiktok", "7001", Map.of("accessToken", TOKEN), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-01-01", "2026-02-09"));

        assertThat(source).containsEntry("status", "active").containsEntry("rowsSynced", 4).containsEntry("daysSynced", 3);
        assertThat(lastSync(source)).containsEntry("status", "completed").containsEntry("pages", 4)
                .containsEntry("retries", 1).containsEntry("recordedThrough", "2026-02-09");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metrics(id, "2026-01-01", "2026-02-09", "day"))
                        .extracting(l -> l.get("date"), l -> l.get("spend"), l -> l.get("impressions"),
                                l -> l.get("platformConversions"), l -> l.get("platformConversionValue"))
                        .containsExactly(
                                tuple("2026-01-05", new BigDecimal("26.00"), 4000, 4, new BigDecimal("169.60")),
                                tuple("2026-01-06", new BigDecimal("10.00"), 1000, 0, 0),
                                tuple("2026-02-09", new BigDecimal("1.00"), 100, 0, 0)));
        platform.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("Access-Token", equalTo(TOKEN))
                .withQueryParam("report_type", equalTo("BASIC")).withQueryParam("data_level", equalTo("AUCTION_AD"))
                .withQueryParam("dimensions", equalToJson("[\"ad_id\",\"stat_time_day\"]")));
        assertThat(platform.findAll(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("advertiser_id", equalTo("7001"))))
                .allSatisfy(request -> assertThat(request.queryParameter("start_date").firstValue())
                        .isIn("2026-01-01", "2026-01-31"));
    }

    @Test
    void aRevokedTokenPutsTheSourceInErrorWithTikToksMessage() {
        platform.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("advertiser_id", equalTo("7002")).willReturn(okJson("""
                {"code":40105,"message":"Access token is incorrect or has been revoked.","request_id":"r","data":{}}""")));
        String id = connect("tiktok", "7002", Map.of("accessToken", "revoked-token-0123456789"), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-01-01", "2026-01-02"));

        assertThat(source).containsEntry("status", "error");
        assertThat(lastError(source)).containsEntry("message", "Access token is incorrect or has been revoked.")
                .containsEntry("fatal", true);
    }

    static MappingBuilder report(String advertiser, String from, String to, String page) {
        return get(urlPathEqualTo(PATH)).withQueryParam("advertiser_id", equalTo(advertiser))
                .withQueryParam("start_date", equalTo(from)).withQueryParam("end_date", equalTo(to))
                .withQueryParam("page", equalTo(page));
    }

    static String answer(List<Map<String, Object>> items, int page, int totalPages) {
        return Api.write(Map.of("code", 0, "message", "OK", "request_id", "2026010112000001",
                "data", Map.of("list", items, "page_info", Map.of("page", page, "page_size", 1000,
                        "total_number", items.size(), "total_page", totalPages))));
    }

    static Map<String, Object> item(String day, String ad, String spend, String impressions, String clicks,
                                    String conversions, String value) {
        return Map.of("dimensions", Map.of("ad_id", ad, "stat_time_day", day + " 00:00:00"),
                "metrics", Map.of("spend", spend, "impressions", impressions, "clicks", clicks,
                        "conversion", conversions, "total_complete_payment_rate", value, "campaign_id", "cmp-1",
                        "campaign_name", "Spring Sale", "adgroup_id", "grp-1", "adgroup_name", "US 18-34",
                        "ad_name", "Ad " + ad));
    }
}
