package io.tributary.app.marketing.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleAdsMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void mapsARowWithMicrosAndStringCounts() throws Exception {
        JsonNode result = JSON.readTree("""
                {"customer":{"resourceName":"customers/1234567890","currencyCode":"EUR"},
                 "campaign":{"resourceName":"customers/1234567890/campaigns/111","id":"111","name":"Search Brand"},
                 "adGroup":{"resourceName":"customers/1234567890/adGroups/222","id":"222","name":"Exact"},
                 "adGroupAd":{"resourceName":"customers/1234567890/adGroupAds/222~333","ad":{"resourceName":"customers/1234567890/ads/333","id":"333","name":"RSA 1"}},
                 "metrics":{"clicks":"31","conversions":2.5,"conversionsValue":199.9,"costMicros":"12345678","impressions":"1200"},
                 "segments":{"date":"2026-02-03"}}""");

        MetricRow row = GoogleAdsMapping.row(result, "1234567890", "USD");

        assertThat(row).isEqualTo(new MetricRow(LocalDate.parse("2026-02-03"), AdPlatform.GOOGLE, "1234567890", "111",
                "Search Brand", "222", "Exact", "333", "RSA 1", new BigDecimal("12.345678"), 1200, 31,
                new BigDecimal("2.5"), new BigDecimal("199.9"), "EUR"));
    }

    @Test
    void readsMetricsGoogleLeftOutAsZero() throws Exception {
        JsonNode result = JSON.readTree("""
                {"campaign":{"id":"1"},"adGroup":{"id":"2"},"adGroupAd":{"ad":{"id":"3"}},
                 "metrics":{"impressions":"5"},"segments":{"date":"2026-02-03"}}""");

        MetricRow row = GoogleAdsMapping.row(result, "1234567890", "USD");

        assertThat(row.spend()).isEqualByComparingTo("0");
        assertThat(row.clicks()).isZero();
        assertThat(row.platformConversions()).isEqualByComparingTo("0");
        assertThat(row.currency()).isEqualTo("USD");
    }

    @Test
    void queriesOneRowPerAdAndDayOfTheRange() {
        assertThat(GoogleAdsMapping.query(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-30")))
                .startsWith("SELECT segments.date, ")
                .contains("metrics.cost_micros", "metrics.conversions_value", "ad_group_ad.ad.id", "campaign.name")
                .contains(" FROM ad_group_ad WHERE segments.date BETWEEN '2026-01-01' AND '2026-01-30'");
    }

    @Test
    void mapsACampaignRowWithoutAdSetOrAdAndAnAssetGroupAsTheAdSet() throws Exception {
        JsonNode campaign = JSON.readTree("""
                {"customer":{"resourceName":"customers/1234567890","currencyCode":"EUR"},
                 "campaign":{"resourceName":"customers/1234567890/campaigns/555","id":"555","name":"PMax All",
                             "advertisingChannelType":"PERFORMANCE_MAX"},
                 "metrics":{"clicks":"12","costMicros":"42100000","impressions":"900"},
                 "segments":{"date":"2026-02-03"}}""");
        JsonNode assetGroup = JSON.readTree("""
                {"customer":{"resourceName":"customers/1234567890","currencyCode":"EUR"},
                 "campaign":{"resourceName":"customers/1234567890/campaigns/555","id":"555","name":"PMax All"},
                 "assetGroup":{"resourceName":"customers/1234567890/assetGroups/777","id":"777","name":"Shoes"},
                 "metrics":{"clicks":"5","costMicros":"30000000","impressions":"400"},
                 "segments":{"date":"2026-02-03"}}""");

        assertThat(GoogleAdsMapping.campaignRow(campaign, "1234567890", "USD")).isEqualTo(new MetricRow(
                LocalDate.parse("2026-02-03"), AdPlatform.GOOGLE, "1234567890", "555", "PMax All", null, null, null,
                null, new BigDecimal("42.10"), 900, 12, BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));
        assertThat(GoogleAdsMapping.assetGroupRow(assetGroup, "1234567890", "USD")).isEqualTo(new MetricRow(
                LocalDate.parse("2026-02-03"), AdPlatform.GOOGLE, "1234567890", "555", "PMax All", "777", "Shoes", null,
                null, new BigDecimal("30.00"), 400, 5, BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));
    }

    @Test
    void queriesCampaignsAndPerformanceMaxAssetGroupsPerDay() {
        LocalDate from = LocalDate.parse("2026-01-01");
        LocalDate to = LocalDate.parse("2026-01-30");
        assertThat(GoogleAdsMapping.campaignQuery(from, to))
                .contains("campaign.id", "campaign.name", "metrics.cost_micros", "metrics.conversions_value")
                .contains(" FROM campaign WHERE segments.date BETWEEN '2026-01-01' AND '2026-01-30'");
        assertThat(GoogleAdsMapping.assetGroupQuery(from, to))
                .contains("asset_group.id", "asset_group.name", "campaign.id", "metrics.cost_micros")
                .contains(" FROM asset_group WHERE segments.date BETWEEN '2026-01-01' AND '2026-01-30'")
                .endsWith(" AND campaign.advertising_channel_type = 'PERFORMANCE_MAX'");
    }

    @ParameterizedTest(name = "HTTP {0} {1} → transient {2}")
    @CsvSource(delimiter = '|', textBlock = """
            429 | RESOURCE_EXHAUSTED | true
            503 | UNAVAILABLE        | true
            500 | INTERNAL           | true
            401 | UNAUTHENTICATED    | false
            403 | PERMISSION_DENIED  | false
            400 | INVALID_ARGUMENT   | false
            """)
    void retriesQuotaAndOutagesButNotRefusals(int status, String errorStatus, boolean transientError) throws Exception {
        JsonNode error = JSON.readTree("{\"code\":" + status + ",\"status\":\"" + errorStatus + "\"}");

        assertThat(GoogleAdsMapping.isTransient(status, error)).isEqualTo(transientError);
    }

    @Test
    void prefersTheMostSpecificMessage() throws Exception {
        JsonNode error = JSON.readTree("""
                {"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED",
                 "details":[{"@type":"type.googleapis.com/google.ads.googleads.v24.errors.GoogleAdsFailure",
                   "errors":[{"errorCode":{"authorizationError":"DEVELOPER_TOKEN_NOT_APPROVED"},
                              "message":"The developer token is only approved for use with test accounts."}]}]}""");

        assertThat(GoogleAdsMapping.message(403, error))
                .isEqualTo("The developer token is only approved for use with test accounts.");
        assertThat(GoogleAdsMapping.message(401, JSON.readTree("{\"message\":\"Request had invalid authentication credentials.\"}")))
                .isEqualTo("Request had invalid authentication credentials.");
    }
}
