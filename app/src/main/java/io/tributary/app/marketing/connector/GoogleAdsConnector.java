package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import io.tributary.app.marketing.MarketingProperties;
import io.tributary.saga.marketing.PullFailure;
import io.tributary.saga.marketing.PulledPage;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google Ads API: {@code POST /{version}/customers/{customerId}/googleAds:searchStream} with GAQL queries over
 * {@code ad_group_ad}, {@code campaign} and, when some campaign-day has no ad rows, {@code asset_group}; each stream
 * answers every row at once (a JSON array of batches), so there is one page. {@link GoogleSpendCoverage} combines
 * them so that the rows add up to the account's spend.
 */
public class GoogleAdsConnector implements AdConnector {

    private static final String PLATFORM = "Google Ads";

    private final PlatformHttp http;
    private final GoogleAccessTokens tokens;
    private final MarketingProperties.Google settings;
    private final int chunkDays;

    public GoogleAdsConnector(PlatformHttp http, GoogleAccessTokens tokens, MarketingProperties properties) {
        this.http = http;
        this.tokens = tokens;
        this.settings = properties.google();
        this.chunkDays = properties.chunkDays();
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.GOOGLE;
    }

    @Override
    public int maxDaysPerRequest() {
        return chunkDays;
    }

    @Override
    public PulledPage pull(MarketingConnection connection, LocalDate from, LocalDate to, String cursor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + tokens.accessToken(connection));
        headers.put("developer-token", connection.credential("developerToken"));
        String loginCustomerId = connection.credential("loginCustomerId");
        if (loginCustomerId != null) {
            headers.put("login-customer-id", loginCustomerId.replace("-", ""));
        }
        URI uri = URI.create(connection.baseUrl(settings.baseUrl()) + "/"
                + connection.option("apiVersion", settings.apiVersion()) + "/customers/" + connection.accountId()
                + "/googleAds:searchStream");
        String customerId = connection.accountId();
        String currency = connection.currency();
        List<MetricRow> ads = PlatformRows.map(PLATFORM, search(uri, headers, GoogleAdsMapping.query(from, to)),
                result -> GoogleAdsMapping.row(result, customerId, currency));
        List<MetricRow> campaigns = PlatformRows.map(PLATFORM,
                search(uri, headers, GoogleAdsMapping.campaignQuery(from, to)),
                result -> GoogleAdsMapping.campaignRow(result, customerId, currency));
        List<MetricRow> assetGroups = GoogleSpendCoverage.needsAssetGroups(ads, campaigns)
                ? PlatformRows.map(PLATFORM, assetGroups(uri, headers, from, to),
                        result -> GoogleAdsMapping.assetGroupRow(result, customerId, currency))
                : List.of();
        return new PulledPage(GoogleSpendCoverage.rows(ads, assetGroups, campaigns), null);
    }

    /**
     * Asset-group rows where the API gives them. An API version or account that refuses the query (a fatal
     * failure) leaves them out: the campaign rows then carry the whole of those campaigns' spend.
     */
    private List<JsonNode> assetGroups(URI uri, Map<String, String> headers, LocalDate from, LocalDate to) {
        try {
            return search(uri, headers, GoogleAdsMapping.assetGroupQuery(from, to));
        } catch (PullFailure failure) {
            if (failure.isFatal()) {
                return List.of();
            }
            throw failure;
        }
    }

    /** One searchStream query: every result of every streamed batch. */
    private List<JsonNode> search(URI uri, Map<String, String> headers, String query) {
        PlatformHttp.Answer answer = http.post(uri, headers, "application/json",
                PlatformHttp.json(Map.of("query", query)));
        JsonNode body = answer.json(PLATFORM);
        JsonNode error = error(body);
        if (!answer.ok() || error != null) {
            JsonNode details = error == null ? body : error;
            String message = GoogleAdsMapping.message(answer.status(), details);
            throw GoogleAdsMapping.isTransient(answer.status(), details)
                    ? PullFailure.transientFailure(message, null) : PullFailure.fatal(message);
        }
        List<JsonNode> results = new ArrayList<>();
        for (JsonNode batch : body.isArray() ? body : List.of(body)) {
            batch.path("results").forEach(results::add);
        }
        return results;
    }

    /** The error of an answer: {@code {"error": …}}, or inside one of the streamed batches. */
    private static JsonNode error(JsonNode body) {
        if (body.has("error")) {
            return body.get("error");
        }
        for (JsonNode batch : body) {
            if (batch.has("error")) {
                return batch.get("error");
            }
        }
        return null;
    }
}
