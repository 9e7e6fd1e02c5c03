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
 */
public record SourceInstall(String snippet, String webhookUrl, String curl, List<String> topics, String store) {

    static final List<String> SHOPIFY_TOPICS = List.of("orders/create", "orders/cancelled", "refunds/create",
            "checkouts/create", "checkouts/update", "customers/create", "customers/update");
    static final List<String> WOOCOMMERCE_TOPICS = List.of("Order created", "Order updated");

    static SourceInstall of(String host, SourceView source) {
        String path = source.commerce() == null ? null : source.commerce().webhookPath();
        return of(host, source.id(), source.type(), source.token(), path);
    }

    static SourceInstall of(String host, String id, SourceType type, String token, String webhookPath) {
        return switch (type) {
            case BROWSER -> new SourceInstall(pixel(host, token), null, null, List.of(), null);
            case SERVER -> {
                String url = host + "/api/webhooks";
                yield new SourceInstall(null, url, testOrder(url, token), List.of(), null);
            }
            case SHOPIFY, WOOCOMMERCE -> new SourceInstall(null,
                    host + (webhookPath != null ? webhookPath : "/api/" + type.wireName() + "/" + id), null,
                    type == SourceType.SHOPIFY ? SHOPIFY_TOPICS : WOOCOMMERCE_TOPICS, type.wireName());
        };
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
