package io.tributary.app.commerce.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.source.SourceType;
import io.tributary.app.commerce.CommerceProperties;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.OrderApi;
import io.tributary.app.commerce.StoreApiCalls;
import io.tributary.app.commerce.StoreApiException;
import io.tributary.api.intake.CommerceCredentials;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Orders from Shopify's REST Admin API ({@code GET /admin/api/<version>/orders.json}, every status, created since
 * the start date), authenticated with the Admin API access token. Pages are cursor-based: the next one is named by
 * the {@code page_info} of the {@code Link: <…>; rel="next"} header, and is asked for with the page size only, as
 * Shopify requires.
 */
@Component
class ShopifyAdminApi implements OrderApi {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?");
    private static final int MAX_PAGE_SIZE = 250;

    private final StoreApiCalls calls;
    private final CommerceProperties.Shopify settings;
    private final int pageSize;

    ShopifyAdminApi(StoreApiCalls calls, CommerceProperties properties) {
        this.calls = calls;
        this.settings = properties.shopify();
        this.pageSize = Math.min(properties.backfill().pageSize(), MAX_PAGE_SIZE);
    }

    @Override
    public SourceType type() {
        return SourceType.SHOPIFY;
    }

    @Override
    public OrderPage fetch(CommerceCredentials store, Instant since, String cursor) {
        if (store.adminApiToken() == null || store.adminApiToken().isBlank()) {
            throw new StoreApiException(StoreApiException.Kind.REFUSED, "the source has no Admin API access token", null);
        }
        String query = cursor == null
                ? "status=any&limit=" + pageSize + "&created_at_min=" + encode(since.toString())
                : "limit=" + pageSize + "&page_info=" + encode(cursor);
        StoreApiCalls.Answer answer = calls.get(calls.request(base(store) + "/admin/api/" + settings.apiVersion()
                + "/orders.json?" + query).header("X-Shopify-Access-Token", store.adminApiToken()).build());
        List<JsonNode> orders = new ArrayList<>();
        answer.body().path("orders").forEach(orders::add);
        return new OrderPage(orders, answer.response().headers().allValues("Link").stream()
                .map(ShopifyAdminApi::nextPageInfo).flatMap(Optional::stream).findFirst().orElse(null));
    }

    @Override
    public Mapped map(JsonNode order) {
        return ShopifyMapping.historicalOrder(order);
    }

    /** The page_info of the rel="next" link, if the header has one. */
    static Optional<String> nextPageInfo(String linkHeader) {
        Matcher link = NEXT.matcher(linkHeader);
        while (link.find()) {
            String query = URI.create(link.group(1)).getRawQuery();
            for (String parameter : query == null ? new String[0] : query.split("&")) {
                if (parameter.startsWith("page_info=")) {
                    return Optional.of(URLDecoder.decode(parameter.substring(10), StandardCharsets.UTF_8));
                }
            }
        }
        return Optional.empty();
    }

    private String base(CommerceCredentials store) {
        String base = settings.apiBaseUrl() == null || settings.apiBaseUrl().isBlank()
                ? "https://" + store.storeUrl() : settings.apiBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
