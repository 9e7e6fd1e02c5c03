package io.tributary.app.marketing.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import io.tributary.app.marketing.MarketingProperties;
import io.tributary.saga.marketing.PullFailure;
import io.tributary.saga.marketing.PulledPage;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TikTok API for Business: {@code GET /open_api/v1.3/report/integrated/get/}, a synchronous BASIC report at ad
 * level per day, at most 30 days per request, paged by page number, authenticated by the {@code Access-Token}
 * header.
 */
public class TikTokReportConnector implements AdConnector {

    static final int MAX_DAYS = 30;
    private static final String PLATFORM = "TikTok";

    private final PlatformHttp http;
    private final MarketingProperties.TikTok settings;
    private final int chunkDays;

    public TikTokReportConnector(PlatformHttp http, MarketingProperties properties) {
        this.http = http;
        this.settings = properties.tiktok();
        this.chunkDays = Math.min(MAX_DAYS, properties.chunkDays());
    }

    @Override
    public AdPlatform platform() {
        return AdPlatform.TIKTOK;
    }

    @Override
    public int maxDaysPerRequest() {
        return chunkDays;
    }

    @Override
    public PulledPage pull(MarketingConnection connection, LocalDate from, LocalDate to, String cursor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("advertiser_id", connection.accountId());
        parameters.put("report_type", "BASIC");
        parameters.put("data_level", "AUCTION_AD");
        parameters.put("dimensions", PlatformHttp.json(TikTokReportMapping.DIMENSIONS));
        parameters.put("metrics", PlatformHttp.json(TikTokReportMapping.METRICS));
        parameters.put("start_date", from.toString());
        parameters.put("end_date", to.toString());
        parameters.put("page", cursor == null ? "1" : cursor);
        parameters.put("page_size", String.valueOf(settings.pageSize()));
        URI uri = URI.create(connection.baseUrl(settings.baseUrl()) + "/open_api/v1.3/report/integrated/get/?"
                + PlatformHttp.query(parameters));
        PlatformHttp.Answer answer = http.get(uri, Map.of("Access-Token", connection.credential("accessToken")));
        if (!answer.ok()) {
            String message = "TikTok answered HTTP " + answer.status();
            throw answer.serverTrouble() ? PullFailure.transientFailure(message, null) : PullFailure.fatal(message);
        }
        JsonNode body = answer.json(PLATFORM);
        int code = body.path("code").asInt(-1);
        if (code != 0) {
            String message = body.path("message").asText("TikTok code " + code);
            throw TikTokReportMapping.isTransient(code) ? PullFailure.transientFailure(message, null)
                    : PullFailure.fatal(message);
        }
        List<MetricRow> rows = PlatformRows.map(PLATFORM, body.path("data").path("list"),
                item -> TikTokReportMapping.row(item, connection.accountId(), connection.currency()));
        return new PulledPage(rows, TikTokReportMapping.nextPage(body.path("data").path("page_info")));
    }
}
