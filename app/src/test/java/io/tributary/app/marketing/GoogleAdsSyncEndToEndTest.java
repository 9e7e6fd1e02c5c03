package io.tributary.app.marketing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Google Ads searchStream through a stub shaped like the API's REST answers. */
class GoogleAdsSyncEndToEndTest extends MarketingEndToEnd {

    private static final String DEVELOPER_TOKEN = "dev-token-ABCDEFGH12345678";

    @Test
    void streamsRowsConvertsMicrosExactlyAndRetriesWhenTheQuotaIsExhausted() {
        String path = "/v24/customers/1112223333/googleAds:searchStream";
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("campaign")).willReturn(okJson(Api.write(
                List.of(Map.of("results", List.of(
                        campaignResult("2026-02-01", "111", "Search 111", "SEARCH", "13845678", "1280", "33", 2.5, 199.9),
                        campaignResult("2026-02-02", "111", "Search 111", "SEARCH", "990000", "10", "1", 1, 19.99))))))));
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("ad_group_ad"))
                .inScenario("google quota").whenScenarioStateIs(STARTED)
                .willSetStateTo("quota ok").willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).",
                                          "status":"RESOURCE_EXHAUSTED"}}""")));
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("ad_group_ad"))
                .inScenario("google quota").whenScenarioStateIs("quota ok")
                .willReturn(okJson(Api.write(List.of(
                        Map.of("results", List.of(result("2026-02-01", "111", "222", "333", "12345678", "1200", "31",
                                        2.5, 199.9),
                                result("2026-02-01", "111", "222", "334", "1500000", "80", "2", 0, 0)),
                                "fieldMask", "segments.date,campaign.id,metrics.costMicros", "requestId", "r1"),
                        Map.of("results", List.of(result("2026-02-02", "111", "222", "333", "990000", "10", "1", 1,
                                        19.99)),
                                "requestId", "r1"))))));
        String id = connect("google", "111-222-3333", Map.of("developerToken", DEVELOPER_TOKEN,
                "accessToken", "ya29.a0AfH6SMBgoogleAccessToken", "loginCustomerId", "999-888-7777"), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-02"));

        assertThat(source).containsEntry("status", "active").containsEntry("rowsSynced", 3);
        assertThat(lastSync(source)).containsEntry("status", "completed").containsEntry("retries", 1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(metrics(id, "2026-02-01", "2026-02-02", "ad"))
                        .extracting(l -> l.get("adId"), l -> l.get("spend"), l -> l.get("clicks"),
                                l -> l.get("platformConversions"), l -> l.get("platformConversionValue"))
                        .containsExactly(
                                tuple("333", new BigDecimal("13.335678"), 32, new BigDecimal("3.5"),
                                        new BigDecimal("219.89")),
                                tuple("334", new BigDecimal("1.50"), 2, 0, 0)));
        platform.verify(postRequestedFor(urlPathEqualTo(path))
                .withHeader("developer-token", equalTo(DEVELOPER_TOKEN))
                .withHeader("login-customer-id", equalTo("9998887777"))
                .withHeader("Authorization", equalTo("Bearer ya29.a0AfH6SMBgoogleAccessToken"))
                .withRequestBody(matchingJsonPath("$.query", containing("FROM ad_group_ad WHERE segments.date BETWEEN "
                        + "'2026-02-01' AND '2026-02-02'"))));
        platform.verify(0, postRequestedFor(urlPathEqualTo(path)).withRequestBody(query("asset_group")));
    }

    /**
     * An account with a Search campaign (ad rows), a Shopping campaign without ad rows, a Performance Max campaign
     * with asset-group rows that cover only part of its cost, and one without asset-group rows. Google's own
     * account total per day ({@code FROM customer}, as the API answers it) must equal the sum of the rows kept.
     */
    @Test
    void coversPerformanceMaxAndShoppingSpendSoThatTheRowsAddUpToTheAccountTotal() {
        String path = "/v24/customers/5556667777/googleAds:searchStream";
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("ad_group_ad")).willReturn(okJson(Api.write(
                List.of(Map.of("results", List.of(
                        result("2026-02-10", "100", "200", "300", "7250000", "500", "20", 1, 40),
                        result("2026-02-10", "100", "200", "301", "2750000", "100", "5", 0, 0),
                        result("2026-02-11", "100", "200", "300", "4000000", "300", "9", 0, 0))))))));
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("campaign")).willReturn(okJson(Api.write(
                List.of(Map.of("results", List.of(
                        campaignResult("2026-02-10", "100", "Search Brand", "SEARCH", "10000000", "600", "25", 1, 40),
                        campaignResult("2026-02-10", "101", "Shopping All", "SHOPPING", "8250000", "900", "30", 2, 90),
                        campaignResult("2026-02-10", "102", "PMax Shoes", "PERFORMANCE_MAX", "50000000", "4000", "80", 3,
                                150),
                        campaignResult("2026-02-10", "103", "PMax Bags", "PERFORMANCE_MAX", "12340000", "700", "11", 0, 0))),
                        Map.of("results", List.of(
                        campaignResult("2026-02-11", "100", "Search Brand", "SEARCH", "4000000", "300", "9", 0, 0),
                        campaignResult("2026-02-11", "102", "PMax Shoes", "PERFORMANCE_MAX", "21000000", "1500", "40", 1,
                                60))))))));
        platform.stubFor(post(urlPathEqualTo(path)).withRequestBody(query("asset_group")).willReturn(okJson(Api.write(
                List.of(Map.of("results", List.of(
                        assetGroupResult("2026-02-10", "102", "PMax Shoes", "901", "Sneakers", "30000000", "2500", "50"),
                        assetGroupResult("2026-02-10", "102", "PMax Shoes", "902", "Boots", "15000000", "1200", "25"),
                        assetGroupResult("2026-02-11", "102", "PMax Shoes", "901", "Sneakers", "21000000", "1500", "40"))))))));
        Map<LocalDate, BigDecimal> accountTotal = accountTotalPerDay(List.of(
                customerResult("2026-02-10", "80590000"), customerResult("2026-02-11", "25000000")));
        String id = connect("google", "555-666-7777", Map.of("developerToken", DEVELOPER_TOKEN,
                "accessToken", "ya29.a0AfH6SMBgoogleAccessToken"), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-10", "2026-02-11"));

        assertThat(lastSync(source)).containsEntry("status", "completed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metrics(id, "2026-02-10", "2026-02-11", "day"))
                    .extracting(l -> LocalDate.parse((String) l.get("date")), l -> plain(new BigDecimal(l.get("spend").toString())))
                    .containsExactly(tuple(LocalDate.parse("2026-02-10"), plain(accountTotal.get(LocalDate.parse("2026-02-10")))),
                            tuple(LocalDate.parse("2026-02-11"), plain(accountTotal.get(LocalDate.parse("2026-02-11")))));
            assertThat(metrics(id, "2026-02-10", "2026-02-10", "ad"))
                    .extracting(l -> l.get("campaignId"), l -> l.get("adSetId"), l -> l.get("adId"),
                            l -> plain(new BigDecimal(l.get("spend").toString())),
                            l -> l.get("clicks"))
                    .containsExactlyInAnyOrder(
                            tuple("100", "200", "300", "7.25", 20), tuple("100", "200", "301", "2.75", 5),
                            tuple("101", null, null, "8.25", 30),
                            tuple("102", "901", null, "30", 50), tuple("102", "902", null, "15", 25),
                            tuple("102", null, null, "5", 5),
                            tuple("103", null, null, "12.34", 11));
        });
        platform.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath("$.query",
                containing("FROM asset_group WHERE segments.date BETWEEN '2026-02-10' AND '2026-02-11'"))));
    }

    @Test
    void exchangesTheRefreshTokenForAnAccessToken() {
        platform.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"access_token":"ya29.refreshed-access-token","expires_in":3599,"scope":"https://www.googleapis.com/auth/adwords","token_type":"Bearer"}""")));
        String path = "/v24/customers/4445556666/googleAds:searchStream";
        platform.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(Api.write(List.of(Map.of("results", List.of(
                result("2026-02-01", "1", "2", "3", "1000000", "10", "1", 0, 0))))))));
        String id = connect("google", "4445556666", Map.of("developerToken", DEVELOPER_TOKEN,
                        "clientId", "123-abc.apps.googleusercontent.com", "clientSecret", "GOCSPX-client-secret-value",
                        "refreshToken", "1//0g-refresh-token-value"),
                Map.of("options", Map.of("tokenUrl", platform.baseUrl() + "/token")));

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-01"));

        assertThat(lastSync(source)).containsEntry("status", "completed");
        platform.verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=1%2F%2F0g-refresh-token-value"))
                .withRequestBody(containing("client_secret=GOCSPX-client-secret-value")));
        platform.verify(postRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer ya29.refreshed-access-token")));
    }

    @Test
    void badCredentialsPutTheSourceInErrorWithGooglesMessage() {
        platform.stubFor(post(urlPathEqualTo("/v24/customers/7778889999/googleAds:searchStream"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
                        [{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
                                   "status":"UNAUTHENTICATED"}}]""")));
        String id = connect("google", "7778889999", Map.of("developerToken", DEVELOPER_TOKEN,
                "accessToken", "expired-access-token-0000"), Map.of());

        Map<String, Object> source = awaitSyncEnd(id, sync(id, "2026-02-01", "2026-02-01"));

        assertThat(source).containsEntry("status", "error");
        assertThat(lastError(source)).containsEntry("fatal", true).containsEntry("message",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
                        + "valid authentication credential.");
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static StringValuePattern query(String resource) {
        return matchingJsonPath("$.query", containing(" FROM " + resource + " WHERE "));
    }

    private static Map<String, Object> campaignResult(String date, String campaign, String name, String channelType,
                                                      String costMicros, String impressions, String clicks,
                                                      Number conversions, Number conversionsValue) {
        Map<String, Object> metrics = new LinkedHashMap<>(Map.of("costMicros", costMicros,
                "impressions", impressions, "clicks", clicks));
        if (conversions.doubleValue() != 0) {
            metrics.put("conversions", conversions);
            metrics.put("conversionsValue", conversionsValue);
        }
        return Map.of("customer", Map.of("resourceName", "customers/5556667777", "currencyCode", "EUR"),
                "campaign", Map.of("resourceName", "customers/5556667777/campaigns/" + campaign, "id", campaign,
                        "name", name, "advertisingChannelType", channelType),
                "metrics", metrics, "segments", Map.of("date", date));
    }

    private static Map<String, Object> assetGroupResult(String date, String campaign, String campaignName,
                                                        String assetGroup, String name, String costMicros,
                                                        String impressions, String clicks) {
        return Map.of("customer", Map.of("resourceName", "customers/5556667777", "currencyCode", "EUR"),
                "campaign", Map.of("resourceName", "customers/5556667777/campaigns/" + campaign, "id", campaign,
                        "name", campaignName),
                "assetGroup", Map.of("resourceName", "customers/5556667777/assetGroups/" + assetGroup, "id", assetGroup,
                        "name", name),
                "metrics", Map.of("costMicros", costMicros, "impressions", impressions, "clicks", clicks),
                "segments", Map.of("date", date));
    }

    /** A row of {@code SELECT segments.date, metrics.cost_micros FROM customer}: the account's own daily total. */
    private static Map<String, Object> customerResult(String date, String costMicros) {
        return Map.of("customer", Map.of("resourceName", "customers/5556667777", "currencyCode", "EUR"),
                "metrics", Map.of("costMicros", costMicros), "segments", Map.of("date", date));
    }

    @SuppressWarnings("unchecked")
    private static Map<LocalDate, BigDecimal> accountTotalPerDay(List<Map<String, Object>> customerResults) {
        Map<LocalDate, BigDecimal> totals = new LinkedHashMap<>();
        for (Map<String, Object> result : customerResults) {
            LocalDate date = LocalDate.parse((String) ((Map<String, Object>) result.get("segments")).get("date"));
            BigDecimal micros = new BigDecimal((String) ((Map<String, Object>) result.get("metrics")).get("costMicros"));
            totals.merge(date, micros.movePointLeft(6), BigDecimal::add);
        }
        return totals;
    }

    private static Map<String, Object> result(String date, String campaign, String adGroup, String ad,
                                              String costMicros, String impressions, String clicks,
                                              Number conversions, Number conversionsValue) {
        Map<String, Object> metrics = new LinkedHashMap<>(Map.of("costMicros", costMicros,
                "impressions", impressions, "clicks", clicks));
        if (conversions.doubleValue() != 0) {
            metrics.put("conversions", conversions);
            metrics.put("conversionsValue", conversionsValue);
        }
        return Map.of("customer", Map.of("resourceName", "customers/1112223333", "currencyCode", "EUR"),
                "campaign", Map.of("resourceName", "customers/1112223333/campaigns/" + campaign, "id", campaign,
                        "name", "Search " + campaign),
                "adGroup", Map.of("resourceName", "customers/1112223333/adGroups/" + adGroup, "id", adGroup,
                        "name", "Group " + adGroup),
                "adGroupAd", Map.of("ad", Map.of("resourceName", "customers/1112223333/ads/" + ad, "id", ad,
                        "name", "RSA " + ad)),
                "metrics", metrics, "segments", Map.of("date", date));
    }
}
