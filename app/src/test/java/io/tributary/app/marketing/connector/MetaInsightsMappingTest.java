package io.tributary.app.marketing.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaInsightsMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String ACTIONS = """
            [{"action_type":"link_click","value":"25"},
             {"action_type":"offsite_conversion.fb_pixel_purchase","value":"3"},
             {"action_type":"onsite_web_purchase","value":"1"},
             {"action_type":"omni_purchase","value":"4"}]""";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            omni_purchase                       | 4
            offsite_conversion.fb_pixel_purchase | 3
            onsite_web_purchase                 | 1
            purchase                            | 0
            """)
    void countsOnlyTheConfiguredActionType(String actionType, String expected) throws Exception {
        BigDecimal value = MetaInsightsMapping.action(JSON.readTree(ACTIONS), actionType, "actions");

        assertThat(value).isEqualByComparingTo(expected);
    }

    @Test
    void mapsAnInsightWithStringNumbers() throws Exception {
        JsonNode insight = JSON.readTree("""
                {"date_start":"2026-02-01","date_stop":"2026-02-01","campaign_id":"120","campaign_name":"Prospecting",
                 "adset_id":"121","adset_name":"LAL 1%%","ad_id":"122","ad_name":"Video A","spend":"12.34",
                 "impressions":"1000","clicks":"25","actions":%s,
                 "action_values":[{"action_type":"omni_purchase","value":"149.97"},
                                  {"action_type":"offsite_conversion.fb_pixel_purchase","value":"149.97"}]}
                """.formatted(ACTIONS));

        MetricRow row = MetaInsightsMapping.row(insight, "1001", "omni_purchase", "EUR");

        assertThat(row).isEqualTo(new MetricRow(LocalDate.parse("2026-02-01"), AdPlatform.META, "1001", "120",
                "Prospecting", "121", "LAL 1%", "122", "Video A", new BigDecimal("12.34"), 1000, 25,
                new BigDecimal("4"), new BigDecimal("149.97"), "EUR"));
    }

    @Test
    void prefersTheAccountCurrencyMetaReports() throws Exception {
        JsonNode insight = JSON.readTree("""
                {"date_start":"2026-02-01","account_currency":"USD","spend":"0","impressions":"0","clicks":"0"}""");

        assertThat(MetaInsightsMapping.row(insight, "1", "omni_purchase", "EUR").currency()).isEqualTo("USD");
    }

    @ParameterizedTest(name = "HTTP {0}, error {1} → transient {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            400 | `{"code":17,"message":"(#17) User request limit reached"}`       | true
            400 | `{"code":4,"message":"(#4) Application request limit reached"}`  | true
            400 | `{"code":613,"message":"(#613) Calls to this api have exceeded the rate limit."}` | true
            400 | `{"code":80000,"message":"There have been too many calls"}`       | true
            400 | `{"code":80004,"message":"There have been too many calls to this ad-account"}` | true
            500 | `{"code":2,"message":"Service temporarily unavailable","is_transient":true}` | true
            503 | `{}`                                                              | true
            400 | `{"code":190,"message":"Invalid OAuth access token"}`             | false
            403 | `{"code":200,"message":"(#200) Requires ads_read permission"}`    | false
            400 | `{"code":100,"message":"(#100) Unsupported get request"}`         | false
            """)
    void retriesRateLimitsAndOutagesButNotRefusals(int status, String error, boolean transientError) throws Exception {
        assertThat(MetaInsightsMapping.isTransient(status, JSON.readTree(error))).isEqualTo(transientError);
    }

    @Test
    void readsHowLongMetaAsksToWait() throws Exception {
        JsonNode usage = JSON.readTree("""
                {"1001":[{"type":"ads_insights","call_count":100,"total_cputime":30,"total_time":40,
                          "estimated_time_to_regain_access":7}]}""");

        assertThat(MetaInsightsMapping.regainAccess(usage)).isEqualTo(Duration.ofMinutes(7));
        assertThat(MetaInsightsMapping.regainAccess(JSON.readTree("{}"))).isNull();
    }
}
