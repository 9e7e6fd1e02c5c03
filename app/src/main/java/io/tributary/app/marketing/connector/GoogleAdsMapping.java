package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.time.LocalDate;
import java.util.Set;

/**
 * Google Ads {@code searchStream} rows (JSON field names in camelCase, int64 as strings, zero metrics left out) to
 * metric rows. Cost is {@code cost_micros / 1,000,000}, exactly.
 */
public final class GoogleAdsMapping {

    private static final Set<String> TRANSIENT_STATUSES = Set.of("RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL",
            "DEADLINE_EXCEEDED", "ABORTED");

    private GoogleAdsMapping() {
    }

    /** The GAQL query: one row per ad and day. */
    public static String query(LocalDate from, LocalDate to) {
        return "SELECT segments.date, customer.currency_code, campaign.id, campaign.name, ad_group.id, ad_group.name,"
                + " ad_group_ad.ad.id, ad_group_ad.ad.name, metrics.impressions, metrics.clicks, metrics.cost_micros,"
                + " metrics.conversions, metrics.conversions_value FROM ad_group_ad"
                + " WHERE segments.date BETWEEN '" + from + "' AND '" + to + "'";
    }

    public static MetricRow row(JsonNode result, String customerId, String fallbackCurrency) {
        JsonNode metrics = result.path("metrics");
        JsonNode ad = result.path("adGroupAd").path("ad");
        String currency = text(result.path("customer"), "currencyCode");
        return new MetricRow(LocalDate.parse(result.path("segments").path("date").asText()), AdPlatform.GOOGLE,
                customerId, text(result.path("campaign"), "id"), text(result.path("campaign"), "name"),
                text(result.path("adGroup"), "id"), text(result.path("adGroup"), "name"), text(ad, "id"),
                text(ad, "name"), Numbers.fromMicros(Numbers.decimal(metrics.path("costMicros"), "costMicros")),
                Numbers.count(metrics.path("impressions"), "impressions"), Numbers.count(metrics.path("clicks"), "clicks"),
                Numbers.decimal(metrics.path("conversions"), "conversions"),
                Numbers.decimal(metrics.path("conversionsValue"), "conversionsValue"),
                currency == null ? fallbackCurrency : currency);
    }

    /** Whether a Google error (its {@code status}, or the HTTP status) is worth retrying. */
    public static boolean isTransient(int httpStatus, JsonNode error) {
        return TRANSIENT_STATUSES.contains(error.path("status").asText()) || httpStatus == 429 || httpStatus >= 500;
    }

    /** The most specific message: the first Google Ads failure detail, else the error's message. */
    public static String message(int httpStatus, JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            for (JsonNode failure : detail.path("errors")) {
                if (failure.hasNonNull("message")) {
                    return failure.get("message").asText();
                }
            }
        }
        return error.path("message").asText("HTTP " + httpStatus);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
