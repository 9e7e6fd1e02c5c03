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

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
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
        platform.stubFor(post(urlPathEqualTo(path)).inScenario("google quota").whenScenarioStateIs(STARTED)
                .willSetStateTo("quota ok").willReturn(aResponse().withStatus(429)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).",
                                          "status":"RESOURCE_EXHAUSTED"}}""")));
        platform.stubFor(post(urlPathEqualTo(path)).inScenario("google quota").whenScenarioStateIs("quota ok")
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
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
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
