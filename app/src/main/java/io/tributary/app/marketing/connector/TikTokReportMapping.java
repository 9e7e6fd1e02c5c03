package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.time.LocalDate;
import java.util.List;

/**
 * TikTok {@code report/integrated/get} rows (BASIC, AUCTION_AD, dimensions ad_id and stat_time_day) to metric
 * rows. Metrics arrive as strings; {@code total_complete_payment_rate} is, despite its name, the total value of
 * complete payments.
 */
public final class TikTokReportMapping {

    public static final List<String> DIMENSIONS = List.of("ad_id", "stat_time_day");
    public static final List<String> METRICS = List.of("spend", "impressions", "clicks", "conversion",
            "total_complete_payment_rate", "campaign_id", "campaign_name", "adgroup_id", "adgroup_name", "ad_name");
    static final int RATE_LIMITED = 40100;

    private TikTokReportMapping() {
    }

    public static MetricRow row(JsonNode item, String advertiserId, String currency) {
        JsonNode dimensions = item.path("dimensions");
        JsonNode metrics = item.path("metrics");
        String day = dimensions.path("stat_time_day").asText();
        return new MetricRow(LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day), AdPlatform.TIKTOK,
                advertiserId, text(metrics, "campaign_id"), text(metrics, "campaign_name"), text(metrics, "adgroup_id"),
                text(metrics, "adgroup_name"), text(dimensions, "ad_id"), text(metrics, "ad_name"),
                Numbers.decimal(metrics.path("spend"), "spend"), Numbers.count(metrics.path("impressions"), "impressions"),
                Numbers.count(metrics.path("clicks"), "clicks"), Numbers.decimal(metrics.path("conversion"), "conversion"),
                Numbers.decimal(metrics.path("total_complete_payment_rate"), "total_complete_payment_rate"), currency);
    }

    /** TikTok answers HTTP 200 with a {@code code}: 40100 is its rate limit, 5xxxx its own trouble. */
    public static boolean isTransient(int code) {
        return code == RATE_LIMITED || code >= 50000 && code < 60000;
    }

    /** The next page number, or null after the last page. */
    public static String nextPage(JsonNode pageInfo) {
        int page = pageInfo.path("page").asInt(1);
        int totalPages = pageInfo.path("total_page").asInt(1);
        return page < totalPages ? String.valueOf(page + 1) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || "-".equals(value.asText()) ? null : value.asText();
    }
}
