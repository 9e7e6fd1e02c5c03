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

class TikTokReportMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void mapsAReportRowWithStringMetrics() throws Exception {
        JsonNode item = JSON.readTree("""
                {"dimensions":{"ad_id":"1790000000000003","stat_time_day":"2026-01-05 00:00:00"},
                 "metrics":{"spend":"20.51","impressions":"3021","clicks":"40","conversion":"3",
                            "total_complete_payment_rate":"129.70","campaign_id":"1790000000000001",
                            "campaign_name":"Spring Sale","adgroup_id":"1790000000000002","adgroup_name":"US 18-34",
                            "ad_name":"UGC video"}}""");

        MetricRow row = TikTokReportMapping.row(item, "7001", "USD");

        assertThat(row).isEqualTo(new MetricRow(LocalDate.parse("2026-01-05"), AdPlatform.TIKTOK, "7001",
                "1790000000000001", "Spring Sale", "1790000000000002", "US 18-34", "1790000000000003", "UGC video",
                new BigDecimal("20.51"), 3021, 40, new BigDecimal("3"), new BigDecimal("129.70"), "USD"));
    }

    @ParameterizedTest(name = "page {0} of {1} → next {2}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            1 | 3 | 2
            2 | 3 | 3
            3 | 3 | null
            1 | 1 | null
            1 | 0 | null
            """)
    void pagesUntilTheLastPage(int page, int totalPages, String next) throws Exception {
        JsonNode pageInfo = JSON.readTree("{\"page\":" + page + ",\"page_size\":1000,\"total_page\":" + totalPages + "}");

        assertThat(TikTokReportMapping.nextPage(pageInfo)).isEqualTo(next);
    }

    @ParameterizedTest(name = "code {0} → transient {1}")
    @CsvSource(delimiter = '|', textBlock = """
            40100 | true
            50000 | true
            51004 | true
            40105 | false
            40104 | false
            40002 | false
            40001 | false
            """)
    void retriesRateLimitsAndTikTokTroubleButNotRefusals(int code, boolean transientError) {
        assertThat(TikTokReportMapping.isTransient(code)).isEqualTo(transientError);
    }
}
