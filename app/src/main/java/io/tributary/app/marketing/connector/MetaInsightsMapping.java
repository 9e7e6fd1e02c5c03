package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;

/**
 * Meta Insights (level=ad, time_increment=1) rows to metric rows. Numbers arrive as strings; conversions and
 * their value come from one action type only, because Meta reports a purchase under several redundant types.
 */
public final class MetaInsightsMapping {

    /** Application (4), user (17), page (32) and ad account (613) request limits. */
    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613);
    /** Business use case rate limits (80000 Ads Insights … 80014). */
    private static final int FIRST_USE_CASE_LIMIT = 80000;
    private static final int LAST_USE_CASE_LIMIT = 80014;
    /** Unknown or temporary errors that Meta asks to retry. */
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2);

    private MetaInsightsMapping() {
    }

    public static MetricRow row(JsonNode insight, String accountId, String actionType, String fallbackCurrency) {
        String currency = text(insight, "account_currency");
        return new MetricRow(LocalDate.parse(insight.path("date_start").asText()), AdPlatform.META, accountId,
                text(insight, "campaign_id"), text(insight, "campaign_name"), text(insight, "adset_id"),
                text(insight, "adset_name"), text(insight, "ad_id"), text(insight, "ad_name"),
                Numbers.decimal(insight.path("spend"), "spend"), Numbers.count(insight.path("impressions"), "impressions"),
                Numbers.count(insight.path("clicks"), "clicks"), action(insight.path("actions"), actionType, "actions"),
                action(insight.path("action_values"), actionType, "action_values"),
                currency == null ? fallbackCurrency : currency);
    }

    /** The value of the one action type, or zero when the ad had none of it. */
    public static BigDecimal action(JsonNode actions, String actionType, String field) {
        for (JsonNode action : actions) {
            if (actionType.equals(action.path("action_type").asText())) {
                return Numbers.decimal(action.path("value"), field + "." + actionType);
            }
        }
        return BigDecimal.ZERO;
    }

    /** Whether an error answer is worth retrying: rate limits, throttling, temporary errors and outages. */
    public static boolean isTransient(int httpStatus, JsonNode error) {
        int code = error.path("code").asInt(-1);
        return RATE_LIMIT_CODES.contains(code) || code >= FIRST_USE_CASE_LIMIT && code <= LAST_USE_CASE_LIMIT
                || TEMPORARY_CODES.contains(code)
                || error.path("is_transient").asBoolean(false) || httpStatus >= 500 || httpStatus == 429;
    }

    /**
     * How long Meta asks to wait, from the {@code X-Business-Use-Case-Usage} header's
     * {@code estimated_time_to_regain_access} (minutes), or null.
     */
    public static Duration regainAccess(JsonNode businessUseCaseUsage) {
        int minutes = 0;
        for (JsonNode usages : businessUseCaseUsage) {
            for (JsonNode usage : usages) {
                minutes = Math.max(minutes, usage.path("estimated_time_to_regain_access").asInt(0));
            }
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
