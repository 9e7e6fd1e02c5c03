package io.tributary.app.commerce.woocommerce;

import static io.tributary.app.commerce.StoreJson.id;
import static io.tributary.app.commerce.StoreJson.money;
import static io.tributary.app.commerce.StoreJson.text;
import static io.tributary.app.commerce.StoreJson.time;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.Origin;
import io.tributary.app.commerce.StoreEvents;
import io.tributary.app.commerce.StoreIdentity;
import io.tributary.app.commerce.StoreJson;
import io.tributary.app.commerce.TrackedEventDraft;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WooCommerce orders (REST API v3 shape, as webhooks and the orders endpoint send them) as tracked events:
 * {@code Placed Order}, {@code Cancelled Order} and {@code Refunded Order}, as {@link WooCommerceStatusPolicy}
 * reads the status. Event ids: the order id for placed and cancelled, the refund id for a refund. Aliases: the
 * customer id (not for guests), the billing email and phone, and the order key ({@code urn:order_key:wc_order_…},
 * which the thank-you page URL also shows). The cart hash is not used: it is a digest of the cart's contents, the
 * same for every shopper who buys the same items, so it would merge strangers.
 */
public final class WooCommerceMapping {

    public static final Set<String> ORDER_TOPICS = Set.of("order.created", "order.updated", "order.restored");
    static final String ORDER_KEY = "order_key";
    private static final String ATTRIBUTION = "_wc_order_attribution_";

    private WooCommerceMapping() {
    }

    public static Mapped map(String topic, JsonNode body, Origin origin) {
        if (topic == null || topic.isBlank()) {
            return Mapped.invalid(List.of(new FieldError("X-WC-Webhook-Topic", "is required")));
        }
        if (!ORDER_TOPICS.contains(topic.trim())) {
            return Mapped.ignored("topic " + topic + " is not mapped");
        }
        return order(body, origin);
    }

    public static Mapped order(JsonNode order, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        String orderId = id(order, "id", "id", true, errors);
        String status = text(order, "status");
        if (status == null) {
            errors.add(new FieldError("status", "is required"));
        }
        OffsetDateTime createdAt = time(order, "date_created_gmt", "date_created_gmt", true, true, errors);
        OffsetDateTime modifiedAt = time(order, "date_modified_gmt", "date_modified_gmt", false, true, errors);
        String currency = text(order, "currency");
        if (currency == null) {
            errors.add(new FieldError("currency", "is required"));
        }
        String total = money(order, "total", "total", errors);
        List<Map<String, Object>> items = items(order.path("line_items"), errors);
        List<Refund> refunds = refunds(order.path("refunds"), errors);
        String totalTax = money(order, "total_tax", "total_tax", errors);
        String shipping = money(order, "shipping_total", "shipping_total", errors);
        if (!errors.isEmpty()) {
            return Mapped.invalid(errors);
        }
        OffsetDateTime changedAt = modifiedAt == null ? createdAt : modifiedAt;
        WooCommerceStatusPolicy.Facts facts = WooCommerceStatusPolicy.of(status,
                text(order, "date_paid_gmt") != null, !refunds.isEmpty());
        StoreIdentity who = identity(order);
        List<TrackedEvent> events = new ArrayList<>();
        if (facts.placed()) {
            events.add(new TrackedEventDraft(StoreEvents.PLACED_ORDER, orderId, createdAt, origin)
                    .property("id", orderId).property("name", "#" + first(text(order, "number"), orderId))
                    .property("total_price", total).property("total_tax", totalTax)
                    .property("total_shipping", shipping).property("currency", currency).property("items", items)
                    .property("status", status).property("source_name", text(order, "created_via"))
                    .property("landing_site", attribution(order, "session_entry"))
                    .property("referring_site", attribution(order, "referrer"))
                    .about(who).build());
        }
        if (facts.cancelled()) {
            events.add(new TrackedEventDraft(StoreEvents.CANCELLED_ORDER, orderId, changedAt, origin)
                    .property("id", orderId).property("total_price", total).property("currency", currency)
                    .about(who).build());
        }
        for (Refund refund : refunds) {
            events.add(refund(refund.id(), orderId, refund.amount(), currency, refund.reason(), changedAt, who, origin));
        }
        if (facts.refundedInFull()) {
            events.add(refund(orderId + ":refund", orderId, total, currency, null, changedAt, who, origin));
        }
        return Mapped.events(events);
    }

    private static TrackedEvent refund(String refundId, String orderId, String amount, String currency, String reason,
                                       OffsetDateTime at, StoreIdentity who, Origin origin) {
        return new TrackedEventDraft(StoreEvents.REFUNDED_ORDER, refundId, at, origin)
                .property("id", refundId).property("order_id", orderId).property("amount", amount)
                .property("currency", currency).property("reason", reason)
                .about(who).build();
    }

    private static StoreIdentity identity(JsonNode order) {
        JsonNode billing = order.path("billing");
        Long customerId = StoreJson.whole(order, "customer_id");
        String email = text(billing, "email");
        String phone = text(billing, "phone");
        return new StoreIdentity()
                .alias(StoreEvents.CUSTOMER_ID, customerId == null || customerId <= 0 ? null : customerId.toString())
                .alias(StoreEvents.EMAIL, email).alias(StoreEvents.PHONE, phone)
                .alias(ORDER_KEY, text(order, "order_key"))
                .profile("$email", email).profile("$phone_number", phone)
                .profile("$first_name", text(billing, "first_name")).profile("$last_name", text(billing, "last_name"))
                .profile("$city", text(billing, "city")).profile("$country_code", text(billing, "country"))
                .profile("$state", text(billing, "state")).profile("$zip_code", text(billing, "postcode"));
    }

    private record Refund(String id, String amount, String reason) {
    }

    private static List<Refund> refunds(JsonNode refunds, List<FieldError> errors) {
        List<Refund> found = new ArrayList<>();
        for (int i = 0; i < refunds.size(); i++) {
            JsonNode refund = refunds.get(i);
            String path = "refunds[" + i + "].";
            String id = id(refund, "id", path + "id", true, errors);
            String total = money(refund, "total", path + "total", errors);
            if (id != null && total != null) {
                found.add(new Refund(id, new BigDecimal(total).abs().toPlainString(), text(refund, "reason")));
            }
        }
        return found;
    }

    private static List<Map<String, Object>> items(JsonNode lines, List<FieldError> errors) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            put(item, "product_id", positive(line, "product_id"));
            put(item, "variant_id", positive(line, "variation_id"));
            put(item, "sku", text(line, "sku"));
            put(item, "name", text(line, "name"));
            put(item, "price", money(line, "price", "line_items[" + i + "].price", errors));
            put(item, "quantity", StoreJson.whole(line, "quantity"));
            items.add(item);
        }
        return items;
    }

    /** WooCommerce's order attribution (8.5+) keeps the landing page and referrer in the order's meta data. */
    private static String attribution(JsonNode order, String key) {
        for (JsonNode meta : order.path("meta_data")) {
            if ((ATTRIBUTION + key).equals(text(meta, "key"))) {
                return text(meta, "value");
            }
        }
        return null;
    }

    private static String positive(JsonNode node, String field) {
        Long value = StoreJson.whole(node, field);
        return value == null || value <= 0 ? null : value.toString();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
