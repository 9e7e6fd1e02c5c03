package io.tributary.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.app.commerce.StoreSamples;
import io.tributary.app.commerce.StoreSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Store sources for the tests: Shopify and WooCommerce payloads from the samples, signed and sent as the stores do. */
public final class Stores {

    public static final String SHOPIFY_SECRET = "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";
    public static final String WOO_SECRET = "wc-webhook-secret-9f8e7d6c5b4a";

    private Stores() {
    }

    public static Map<String, Object> createShopify(Api api, String adminApiToken) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Acme backend " + unique(), "type", "shopify",
                "shopDomain", "acme-outfitters.myshopify.com", "signingSecret", SHOPIFY_SECRET));
        if (adminApiToken != null) {
            body.put("adminApiToken", adminApiToken);
        }
        return created(api.admin("POST", "/api/sources", body));
    }

    public static Map<String, Object> createWooCommerce(Api api, String storeUrl, boolean withKeys) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Teahouse backend " + unique(), "type", "woocommerce",
                "storeUrl", storeUrl, "signingSecret", WOO_SECRET));
        if (withKeys) {
            body.put("consumerKey", "ck_0123456789abcdef0123456789abcdef01234567");
            body.put("consumerSecret", "cs_76543210fedcba9876543210fedcba9876543210");
        }
        return created(api.admin("POST", "/api/sources", body));
    }

    /** Sends a Shopify webhook signed with {@code secret}, with Shopify's headers. */
    public static Api.Response shopify(Api api, String sourceId, String topic, Object payload, String secret,
                                       String webhookId) {
        String body = payload instanceof String text ? text : Api.write(payload);
        return shopifySigned(api, sourceId, topic, body, StoreSignature.sign(body.getBytes(StandardCharsets.UTF_8), secret),
                webhookId);
    }

    public static Api.Response shopifySigned(Api api, String sourceId, String topic, String body, String signature,
                                             String webhookId) {
        return api.send("POST", "/api/shopify/" + sourceId, "application/json", body,
                "X-Shopify-Topic", topic, "X-Shopify-Hmac-Sha256", signature,
                "X-Shopify-Shop-Domain", "acme-outfitters.myshopify.com", "X-Shopify-API-Version", "2026-07",
                "X-Shopify-Webhook-Id", webhookId, "X-Shopify-Triggered-At", Instant.now().toString());
    }

    /** Sends a WooCommerce webhook signed with {@code secret}, with WooCommerce's headers. */
    public static Api.Response woo(Api api, String sourceId, String topic, Object payload, String secret,
                                   String deliveryId) {
        String body = Api.write(payload);
        String[] resourceAndEvent = topic.split("\\.");
        return api.send("POST", "/api/woocommerce/" + sourceId, "application/json", body,
                "X-WC-Webhook-Topic", topic, "X-WC-Webhook-Resource", resourceAndEvent[0],
                "X-WC-Webhook-Event", resourceAndEvent[1], "X-WC-Webhook-ID", "7",
                "X-WC-Webhook-Delivery-ID", deliveryId, "X-WC-Webhook-Source", "https://teahouse.example/",
                "X-WC-Webhook-Signature", StoreSignature.sign(body.getBytes(StandardCharsets.UTF_8), secret));
    }

    /** The orders/create sample as a new order: its own ids and tokens, created at {@code at} (New York offset). */
    public static ObjectNode shopifyOrder(String orderId, Instant at) {
        ObjectNode order = StoreSamples.read("shopify/orders-create.json");
        String customerId = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        String email = "ada." + unique() + "@example.com";
        order.put("id", Long.parseLong(orderId)).put("name", "#" + orderId.substring(0, 4))
                .put("created_at", newYork(at)).put("processed_at", newYork(at)).put("updated_at", newYork(at))
                .put("cart_token", "cart-" + unique()).put("checkout_token", "checkout-" + unique())
                .put("token", unique()).put("email", email).put("contact_email", email).putNull("phone");
        ObjectNode customer = (ObjectNode) order.get("customer");
        customer.put("id", Long.parseLong(customerId)).put("email", email).putNull("phone");
        return order;
    }

    public static ObjectNode shopifyRefund(String orderId, String refundId, Instant at) {
        ObjectNode refund = StoreSamples.read("shopify/refunds-create.json");
        refund.put("id", Long.parseLong(refundId)).put("order_id", Long.parseLong(orderId))
                .put("created_at", newYork(at)).put("processed_at", newYork(at));
        ((ObjectNode) refund.withArray("transactions").get(0)).put("order_id", Long.parseLong(orderId));
        return refund;
    }

    public static ObjectNode shopifyCheckout(String checkoutToken, String cartToken, Instant at) {
        return StoreSamples.read("shopify/checkouts-create.json").put("token", checkoutToken).put("cart_token", cartToken)
                .put("created_at", newYork(at)).put("updated_at", newYork(at));
    }

    /** The WooCommerce order sample as a new order: its own id, key and customer, created at {@code at}. */
    public static ObjectNode wooOrder(long orderId, String status, Instant at) {
        ObjectNode order = StoreSamples.read("woocommerce/order.json");
        String gmt = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(at.atOffset(ZoneOffset.UTC));
        order.put("id", orderId).put("number", Long.toString(orderId)).put("status", status)
                .put("order_key", "wc_order_" + unique()).put("customer_id", ThreadLocalRandom.current().nextInt(1000, 1_000_000))
                .put("date_created_gmt", gmt).put("date_modified_gmt", gmt).put("date_paid_gmt", gmt);
        ((ObjectNode) order.get("billing")).put("email", "grace." + unique() + "@example.org").put("phone", "");
        return order;
    }

    public static String newOrderId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 900_000_000_000_000_000L));
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static String newYork(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.ofHours(-4)));
    }

    private static Map<String, Object> created(Api.Response response) {
        if (response.status() != 201) {
            throw new IllegalStateException("store source not created: " + response);
        }
        return response.json();
    }
}
