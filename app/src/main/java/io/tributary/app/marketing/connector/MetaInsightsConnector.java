package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import io.tributary.app.marketing.MarketingProperties;
import io.tributary.saga.marketing.PullFailure;
import io.tributary.saga.marketing.PulledPage;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meta Marketing API Insights: {@code GET /{version}/act_{accountId}/insights} at ad level, one row per ad and
 * day, paged by the {@code after} cursor while Meta announces a next page.
 */
public class MetaInsightsConnector implements AdConnector {

    static final String FIELDS = "date_start,date_stop,account_currency,campaign_id,campaign_name,adset_id,"
            + "adset_name,ad_id,ad_name,spend,impressions,clicks,actions,action_values";
    private static final String PLATFORM = "Meta";

    private final PlatformHttp http;
    private final MarketingProperties.Meta settings;
    private final int chunkDays;

    public MetaInsightsConnector(PlatformHttp http, MarketingProperties properties) {
        this.http = http;
        this.settings = properties.meta();
        this.chunkDays = properties.chunkDays();
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.META;
    }

    @Override
    public int maxDaysPerRequest() {
        return chunkDays;
    }

    @Override
    public PulledPage pull(MarketingConnection connection, LocalDate from, LocalDate to, String cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("level", "ad");
        parameters.put("time_increment", "1");
        parameters.put("time_range", PlatformHttp.json(Map.of("since", from.toString(), "until", to.toString())));
        parameters.put("fields", FIELDS);
        parameters.put("limit", "500");
        if (cursor != null) {
            parameters.put("after", cursor);
        }
        URI uri = URI.create(connection.baseUrl(settings.baseUrl()) + "/"
                + connection.option("apiVersion", settings.apiVersion()) + "/act_" + connection.accountId()
                + "/insights?" + PlatformHttp.query(parameters));
        PlatformHttp.Answer answer = http.get(uri, Map.of("Authorization", "Bearer " + connection.credential("accessToken")));
        JsonNode body = answer.json(PLATFORM);
        if (!answer.ok() || body.has("error")) {
            throw failure(answer, body.path("error"));
        }
        String actionType = connection.option("purchaseActionType", settings.purchaseActionType());
        List<MetricRow> rows = PlatformRows.map(PLATFORM, body.path("data"),
                insight -> MetaInsightsMapping.row(insight, connection.accountId(), actionType, connection.currency()));
        JsonNode paging = body.path("paging");
        String after = paging.path("cursors").path("after").asText(null);
        boolean more = paging.hasNonNull("next") && after != null && !after.isBlank();
        return new PulledPage(rows, more ? after : null);
    }

    private static PullFailure failure(PlatformHttp.Answer answer, JsonNode error) {
        String message = error.path("message").asText("HTTP " + answer.status());
        if (MetaInsightsMapping.isTransient(answer.status(), error)) {
            return PullFailure.transientFailure(message, answer.header("X-Business-Use-Case-Usage")
                    .map(MetaInsightsConnector::regainAccess).orElse(null));
        }
        return PullFailure.fatal(message);
    }

    private static Duration regainAccess(String header) {
        try {
            return MetaInsightsMapping.regainAccess(new ObjectMapper().readTree(header));
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }
}
