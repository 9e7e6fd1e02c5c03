package io.tributary.app.dashboard;

import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import java.util.List;

/**
 * How to install one source, as its card shows it: the pixel snippet of a browser source, the generic webhook of a
 * server source, and for a store its own webhook URL with the topics to subscribe (docs/commerce.md).
 *
 * @param snippet    the pixel snippet (browser sources)
 * @param webhookUrl where the source's events must be posted
 * @param curl       a test order to paste in a shell (server sources)
 * @param topics     the store webhooks to create (Shopify topics, WooCommerce webhook kinds)
 * @param store      shopify or woocommerce, for the store-specific steps; null otherwise
 * @param customPixels for a Shopify store, the Customer Events code of each enabled browser source: the storefront's
 *                     events go to the browser source the merchant picks (docs/auto-tracking.md)
 */
public record SourceInstall(String snippet, String webhookUrl, String curl, List<String> topics, String store,
                            List<CustomPixel> customPixels) {

    /** The code to paste into Shopify's Customer Events, posting to the browser source {@code sourceName}. */
    public record CustomPixel(String sourceName, String codeUrl) {
    }

    static final List<String> SHOPIFY_TOPICS = List.of("orders/create", "orders/cancelled", "refunds/create",
            "checkouts/create", "checkouts/update", "customers/create", "customers/update");
    static final List<String> WOOCOMMERCE_TOPICS = List.of("Order created", "Order updated");

    /** Without the other sources: a Shopify store then lists no custom pixel. */
    static SourceInstall of(String host, SourceView source) {
        return of(host, source, List.of());
    }

    static SourceInstall of(String host, SourceView source, List<SourceView> allSources) {
        String path = source.commerce() == null ? null : source.commerce().webhookPath();
        return of(host, source.id(), source.type(), source.token(), path, allSources);
    }

    static SourceInstall of(String host, String id, SourceType type, String token, String webhookPath) {
        return of(host, id, type, token, webhookPath, List.of());
    }

    static SourceInstall of(String host, String id, SourceType type, String token, String webhookPath,
                            List<SourceView> allSources) {
        return switch (type) {
            case BROWSER -> new SourceInstall(pixel(host, token), null, null, List.of(), null, List.of());
            case SERVER -> {
                String url = host + "/api/webhooks";
                yield new SourceInstall(null, url, testOrder(url, token), List.of(), null, List.of());
            }
            case SHOPIFY -> new SourceInstall(null, storeUrl(host, id, type, webhookPath), null, SHOPIFY_TOPICS,
                    type.wireName(), customPixels(host, allSources));
            case WOOCOMMERCE -> new SourceInstall(null, storeUrl(host, id, type, webhookPath), null,
                    WOOCOMMERCE_TOPICS, type.wireName(), List.of());
        };
    }

    private static String storeUrl(String host, String id, SourceType type, String webhookPath) {
        return host + (webhookPath != null ? webhookPath : "/api/" + type.wireName() + "/" + id);
    }

    /** One per enabled browser source: its token is public, so its custom pixel code is too. */
    static List<CustomPixel> customPixels(String host, List<SourceView> sources) {
        return sources.stream().filter(s -> s.type() == SourceType.BROWSER && !"disabled".equals(s.status())
                        && s.token() != null)
                .map(s -> new CustomPixel(s.name(), host + "/pixels/" + s.token() + "/shopify.js")).toList();
    }

    static String pixel(String host, String token) {
        return "<script>window.cvg=function(){cvg.process?cvg.process.apply(cvg,arguments):"
                + "cvg.queue.push(arguments)};cvg.queue=[];</script><script async src=\"" + host + "/pixels/"
                + token + ".js\"></script>";
    }

    private static String testOrder(String url, String token) {
        return "curl -X POST " + url + " -H 'Content-Type: application/json' -H 'X-Webhook-Token: "
                + token + "' -d '{\"event_name\":\"Placed Order\",\"event_id\":\"order-1001\",\"properties\":"
                + "{\"id\":\"1001\",\"total_price\":\"49.90\",\"currency\":\"EUR\",\"items\":[{\"product_id\":\"p1\","
                + "\"price\":\"49.90\",\"quantity\":1}]},\"profile_properties\":{\"$email\":\"ann@example.com\"},"
                + "\"aliases\":[\"urn:email:ann@example.com\"]}'";
    }
}
