package io.tributary.app.commerce.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.source.SourceType;
import io.tributary.app.commerce.CommerceProperties;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.OrderApi;
import io.tributary.app.commerce.Origin;
import io.tributary.app.commerce.StoreApiCalls;
import io.tributary.app.commerce.StoreApiException;
import io.tributary.api.intake.CommerceCredentials;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Orders from the WooCommerce REST API ({@code GET /wp-json/wc/v3/orders}, created after the start date, oldest
 * first), authenticated with the consumer key and secret (HTTP Basic, so use HTTPS). Pages are numbered; the
 * {@code X-WP-TotalPages} header says how many there are. Oldest first keeps earlier pages stable while new orders
 * arrive during the backfill.
 */
@Component
class WooCommerceRestApi implements OrderApi {

    private static final int MAX_PAGE_SIZE = 100;
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final StoreApiCalls calls;
    private final CommerceProperties.WooCommerce settings;
    private final int pageSize;

    WooCommerceRestApi(StoreApiCalls calls, CommerceProperties properties) {
        this.calls = calls;
        this.settings = properties.woocommerce();
        this.pageSize = Math.min(properties.backfill().pageSize(), MAX_PAGE_SIZE);
    }

    @Override
    public SourceType type() {
        return SourceType.WOOCOMMERCE;
    }

    @Override
    public OrderPage fetch(CommerceCredentials store, Instant since, String cursor) {
        if (store.consumerKey() == null || store.consumerSecret() == null) {
            throw new StoreApiException(StoreApiException.Kind.REFUSED, "the source has no REST API keys", null);
        }
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        String url = base(store) + "/wp-json/wc/v3/orders?after=" + URLEncoder.encode(GMT.format(since), StandardCharsets.UTF_8)
                + "&dates_are_gmt=true&orderby=date&order=asc&per_page=" + pageSize + "&page=" + page;
        String credentials = Base64.getEncoder().encodeToString(
                (store.consumerKey() + ":" + store.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        StoreApiCalls.Answer answer = calls.get(calls.request(url).header("Authorization", "Basic " + credentials).build());
        List<JsonNode> orders = new ArrayList<>();
        answer.body().forEach(orders::add);
        int totalPages = answer.response().headers().firstValue("X-WP-TotalPages").map(String::trim)
                .map(WooCommerceRestApi::number).orElse(page);
        return new OrderPage(orders, page < totalPages ? Integer.toString(page + 1) : null);
    }

    @Override
    public Mapped map(JsonNode order) {
        return WooCommerceMapping.order(order, Origin.BACKFILL);
    }

    private String base(CommerceCredentials store) {
        String base = settings.apiBaseUrl() == null || settings.apiBaseUrl().isBlank() ? store.storeUrl()
                : settings.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StoreApiException(StoreApiException.Kind.REFUSED, "X-WP-TotalPages is not a number", e);
        }
    }
}
