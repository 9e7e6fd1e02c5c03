package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.time.LocalDate;
import java.util.Set;

/**
 * Google Ads {@code searchStream} rows (JSON field names in camelCase, int64 as strings, zero metrics left out) to
 * metric rows: ads, campaigns and Performance Max asset groups. Cost is {@code cost_micros / 1,000,000}, exactly.
 */
public final class GoogleAdsMapping {

    private static final Set<String> TRANSIENT_STATUSES = Set.of("RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL",
            "DEADLINE_EXCEEDED", "ABORTED");

    private GoogleAdsMapping() {
    }

    private static final String METRICS = "metrics.impressions, metrics.clicks, metrics.cost_micros,"
            + " metrics.conversions, metrics.conversions_value";

    /** The GAQL query: one row per ad and day. */
    public static String query(LocalDate from, LocalDate to) {
        return "SELECT segments.date, customer.currency_code, campaign.id, campaign.name, ad_group.id, ad_group.name,"
                + " ad_group_ad.ad.id, ad_group_ad.ad.name, " + METRICS + " FROM ad_group_ad" + during(from, to);
    }

    /** One row per campaign and day, whatever its type: the whole of each campaign's spend. */
    public static String campaignQuery(LocalDate from, LocalDate to) {
        return "SELECT segments.date, customer.currency_code, campaign.id, campaign.name,"
                + " campaign.advertising_channel_type, " + METRICS + " FROM campaign" + during(from, to);
    }

    /** One row per Performance Max asset group and day. */
    public static String assetGroupQuery(LocalDate from, LocalDate to) {
        return "SELECT segments.date, customer.currency_code, campaign.id, campaign.name, asset_group.id,"
                + " asset_group.name, " + METRICS + " FROM asset_group" + during(from, to)
                + " AND campaign.advertising_channel_type = 'PERFORMANCE_MAX'";
    }

    private static String during(LocalDate from, LocalDate to) {
        return " WHERE segments.date BETWEEN '" + from + "' AND '" + to + "'";
    }

    public static MetricRow row(JsonNode result, String customerId, String fallbackCurrency) {
        JsonNode ad = result.path("adGroupAd").path("ad");
        return row(result, customerId, fallbackCurrency, result.path("adGroup"), ad);
    }

    /** A campaign's own row: no ad set, no ad. */
    public static MetricRow campaignRow(JsonNode result, String customerId, String fallbackCurrency) {
        return row(result, customerId, fallbackCurrency, MissingNode.getInstance(), MissingNode.getInstance());
    }

    /** An asset group as the ad set, without ad. */
    public static MetricRow assetGroupRow(JsonNode result, String customerId, String fallbackCurrency) {
        return row(result, customerId, fallbackCurrency, result.path("assetGroup"), MissingNode.getInstance());
    }

    private static MetricRow row(JsonNode result, String customerId, String fallbackCurrency, JsonNode adSet,
                                 JsonNode ad) {
        JsonNode metrics = result.path("metrics");
        String currency = text(result.path("customer"), "currencyCode");
        return new MetricRow(LocalDate.parse(result.path("segments").path("date").asText()), AdPlatform.GOOGLE,
                customerId, text(result.path("campaign"), "id"), text(result.path("campaign"), "name"),
                text(adSet, "id"), text(adSet, "name"), text(ad, "id"),
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
