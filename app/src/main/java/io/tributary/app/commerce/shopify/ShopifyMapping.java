package io.tributary.app.commerce.shopify;

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

/**
 * Shopify webhook payloads (REST Admin API resources) as tracked events:
 * <ul>
 * <li>{@code orders/create} → {@code Placed Order}, event id the order id;</li>
 * <li>{@code orders/cancelled} → {@code Cancelled Order}, event id the order id;</li>
 * <li>{@code refunds/create} → {@code Refunded Order}, event id the refund id, with the refunded amount;</li>
 * <li>{@code checkouts/create}, {@code checkouts/update} → {@code Started Checkout}, event id the checkout token
 * (later updates are duplicates that still stitch the aliases they add);</li>
 * <li>{@code customers/create}, {@code customers/update} → {@code $identify}, profile properties only.</li>
 * </ul>
 * Orders carry the cart and checkout tokens, the customer id, email and phone as aliases, and
 * {@code urn:shopify_order:<id>} so that a refund (which names only its order) joins the order's profile.
 */
public final class ShopifyMapping {

    public static final String ORDER_ALIAS = "shopify_order";

    private ShopifyMapping() {
    }

    public static Mapped map(String topic, JsonNode body, Origin origin) {
        if (topic == null || topic.isBlank()) {
            return Mapped.invalid(List.of(new FieldError("X-Shopify-Topic", "is required")));
        }
        return switch (topic.trim()) {
            case "orders/create" -> placedOrder(body, origin);
            case "orders/cancelled" -> cancelledOrder(body, origin);
            case "refunds/create" -> refund(body, origin);
            case "checkouts/create", "checkouts/update" -> checkout(body, origin);
            case "customers/create", "customers/update" -> customer(body, origin);
            default -> Mapped.ignored("topic " + topic + " is not mapped");
        };
    }

    /** An order read from the Admin API: placed, and cancelled and refunded when it was. */
    public static Mapped historicalOrder(JsonNode order) {
        List<FieldError> errors = new ArrayList<>();
        List<TrackedEvent> events = new ArrayList<>();
        TrackedEventDraft placed = order(order, errors, Origin.BACKFILL);
        if (placed == null) {
            return Mapped.invalid(errors);
        }
        events.add(placed.build());
        TrackedEventDraft cancelled = text(order, "cancelled_at") == null ? null
                : cancellation(order, errors, Origin.BACKFILL);
        if (cancelled != null) {
            events.add(cancelled.build());
        }
        JsonNode refunds = order.path("refunds");
        for (int i = 0; i < refunds.size(); i++) {
            TrackedEventDraft refund = refund(refunds.get(i), "refunds[" + i + "].", errors, Origin.BACKFILL);
            if (refund != null) {
                events.add(refund.about(identity(order)).build());
            }
        }
        return errors.isEmpty() ? Mapped.events(events) : Mapped.invalid(errors);
    }

    private static Mapped placedOrder(JsonNode order, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        TrackedEventDraft placed = order(order, errors, origin);
        return errors.isEmpty() ? Mapped.events(List.of(placed.build())) : Mapped.invalid(errors);
    }

    private static TrackedEventDraft order(JsonNode order, List<FieldError> errors, Origin origin) {
        String orderId = id(order, "id", "id", true, errors);
        OffsetDateTime createdAt = time(order, "created_at", "created_at", true, false, errors);
        String currency = required(order, "currency", errors);
        String totalPrice = requiredMoney(order, "total_price", errors);
        List<Map<String, Object>> items = items(order.path("line_items"), "line_items", errors);
        String totalTax = money(order, "total_tax", "total_tax", errors);
        String totalShipping = shipping(order, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        TrackedEventDraft draft = new TrackedEventDraft(StoreEvents.PLACED_ORDER, orderId, createdAt, origin)
                .property("id", orderId).property("name", text(order, "name"))
                .property("total_price", totalPrice).property("total_tax", totalTax)
                .property("total_shipping", totalShipping).property("currency", currency).property("items", items)
                .property("source_name", text(order, "source_name"))
                .property("landing_site", text(order, "landing_site"))
                .property("referring_site", text(order, "referring_site"));
        if (origin == Origin.WEBHOOK) {
            draft.property("$is_new_customer", isNewCustomer(order.path("customer")));
        }
        return draft.about(identity(order).alias(ORDER_ALIAS, orderId));
    }

    private static Mapped cancelledOrder(JsonNode order, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        TrackedEventDraft cancelled = cancellation(order, errors, origin);
        return errors.isEmpty() ? Mapped.events(List.of(cancelled.build())) : Mapped.invalid(errors);
    }

    private static TrackedEventDraft cancellation(JsonNode order, List<FieldError> errors, Origin origin) {
        String orderId = id(order, "id", "id", true, errors);
        String timeField = text(order, "cancelled_at") != null ? "cancelled_at" : "updated_at";
        OffsetDateTime cancelledAt = time(order, timeField, timeField, true, false, errors);
        String totalPrice = money(order, "total_price", "total_price", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        TrackedEventDraft draft = new TrackedEventDraft(StoreEvents.CANCELLED_ORDER, orderId, cancelledAt, origin)
                .property("id", orderId).property("name", text(order, "name")).property("total_price", totalPrice)
                .property("currency", text(order, "currency")).property("reason", text(order, "cancel_reason"));
        return draft.about(identity(order).alias(ORDER_ALIAS, orderId));
    }

    private static Mapped refund(JsonNode refund, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        TrackedEventDraft draft = refund(refund, "", errors, origin);
        return errors.isEmpty() ? Mapped.events(List.of(draft.build())) : Mapped.invalid(errors);
    }

    private static TrackedEventDraft refund(JsonNode refund, String path, List<FieldError> errors, Origin origin) {
        int before = errors.size();
        String refundId = id(refund, "id", path + "id", true, errors);
        String orderId = id(refund, "order_id", path + "order_id", true, errors);
        OffsetDateTime createdAt = time(refund, "created_at", path + "created_at", true, false, errors);
        Amount amount = refunded(refund, path, errors);
        List<Map<String, Object>> items = new ArrayList<>();
        JsonNode lines = refund.path("refund_line_items");
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> item = item(lines.get(i).path("line_item"),
                    path + "refund_line_items[" + i + "].line_item.", errors);
            putIfPresent(item, "quantity", StoreJson.whole(lines.get(i), "quantity"));
            items.add(item);
        }
        if (errors.size() > before) {
            return null;
        }
        return new TrackedEventDraft(StoreEvents.REFUNDED_ORDER, refundId, createdAt, origin)
                .property("id", refundId).property("order_id", orderId).property("amount", amount.amount())
                .property("currency", amount.currency()).property("items", items.isEmpty() ? null : items)
                .property("note", text(refund, "note"))
                .about(new StoreIdentity().alias(ORDER_ALIAS, orderId));
    }

    private static Mapped checkout(JsonNode checkout, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        String token = required(checkout, "token", errors);
        OffsetDateTime createdAt = time(checkout, "created_at", "created_at", true, false, errors);
        String totalPrice = money(checkout, "total_price", "total_price", errors);
        List<Map<String, Object>> items = items(checkout.path("line_items"), "line_items", errors);
        if (!errors.isEmpty()) {
            return Mapped.invalid(errors);
        }
        TrackedEventDraft draft = new TrackedEventDraft(StoreEvents.STARTED_CHECKOUT, token, createdAt, origin)
                .property("id", text(checkout, "id")).property("total_price", totalPrice)
                .property("currency", text(checkout, "currency")).property("items", items)
                .property("source_name", text(checkout, "source_name"))
                .property("landing_site", text(checkout, "landing_site"))
                .property("referring_site", text(checkout, "referring_site"))
                .about(identity(checkout).alias(StoreEvents.CHECKOUT_TOKEN, token));
        return Mapped.events(List.of(draft.build()));
    }

    private static Mapped customer(JsonNode customer, Origin origin) {
        List<FieldError> errors = new ArrayList<>();
        String customerId = id(customer, "id", "id", true, errors);
        String timeField = text(customer, "updated_at") != null ? "updated_at" : "created_at";
        OffsetDateTime updatedAt = time(customer, timeField, timeField, true, false, errors);
        if (!errors.isEmpty()) {
            return Mapped.invalid(errors);
        }
        JsonNode address = customer.path("default_address");
        TrackedEventDraft draft = new TrackedEventDraft(StoreEvents.IDENTIFY,
                "customer:" + customerId + ":" + updatedAt.toInstant(), updatedAt, origin)
                .property("customer_id", customerId)
                .about(new StoreIdentity().alias(StoreEvents.CUSTOMER_ID, customerId)
                        .alias(StoreEvents.EMAIL, text(customer, "email")).alias(StoreEvents.PHONE, text(customer, "phone"))
                        .profile("$email", text(customer, "email")).profile("$first_name", text(customer, "first_name"))
                        .profile("$last_name", text(customer, "last_name"))
                        .profile("$phone_number", text(customer, "phone"))
                        .profile("$city", text(address, "city")).profile("$country_code", text(address, "country_code"))
                        .profile("$state", text(address, "province_code")).profile("$zip_code", text(address, "zip")));
        return Mapped.events(List.of(draft.build()));
    }

    /**
     * Who an order or checkout is about: its tokens, customer id, email and phone as aliases, the customer's name
     * and billing address as profile properties.
     */
    private static StoreIdentity identity(JsonNode source) {
        JsonNode customer = source.path("customer");
        JsonNode billing = source.path("billing_address");
        JsonNode address = billing.isObject() ? billing : customer.path("default_address");
        String email = first(text(source, "email"), text(source, "contact_email"), text(customer, "email"));
        String phone = first(text(source, "phone"), text(customer, "phone"));
        return new StoreIdentity().alias(StoreEvents.CART_TOKEN, text(source, "cart_token"))
                .alias(StoreEvents.CHECKOUT_TOKEN, text(source, "checkout_token"))
                .alias(StoreEvents.CUSTOMER_ID, text(customer, "id"))
                .alias(StoreEvents.EMAIL, email).alias(StoreEvents.PHONE, phone)
                .profile("$email", email)
                .profile("$first_name", first(text(customer, "first_name"), text(billing, "first_name")))
                .profile("$last_name", first(text(customer, "last_name"), text(billing, "last_name")))
                .profile("$phone_number", first(phone, text(billing, "phone")))
                .profile("$city", text(address, "city")).profile("$country_code", text(address, "country_code"))
                .profile("$state", text(address, "province_code")).profile("$zip_code", text(address, "zip"));
    }

    /** New when this is the customer's first order; unknown (absent) without a customer or a count. */
    private static Boolean isNewCustomer(JsonNode customer) {
        Long count = StoreJson.whole(customer, "orders_count");
        return count == null ? null : count <= 1;
    }

    private record Amount(String amount, String currency) {
    }

    /**
     * The money given back: the successful refund transactions; without any (a refund only restocking, or a
     * payload without transactions), the refunded lines with their tax.
     */
    private static Amount refunded(JsonNode refund, String path, List<FieldError> errors) {
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        boolean any = false;
        JsonNode transactions = refund.path("transactions");
        for (int i = 0; i < transactions.size(); i++) {
            JsonNode transaction = transactions.get(i);
            String status = text(transaction, "status");
            if ("refund".equals(text(transaction, "kind")) && (status == null || "success".equals(status))) {
                String amount = money(transaction, "amount", path + "transactions[" + i + "].amount", errors);
                total = amount == null ? total : total.add(new BigDecimal(amount));
                currency = currency == null ? text(transaction, "currency") : currency;
                any = true;
            }
        }
        JsonNode lines = refund.path("refund_line_items");
        for (int i = 0; !any && i < lines.size(); i++) {
            String linePath = path + "refund_line_items[" + i + "].";
            String subtotal = money(lines.get(i), "subtotal", linePath + "subtotal", errors);
            String tax = money(lines.get(i), "total_tax", linePath + "total_tax", errors);
            total = total.add(subtotal == null ? BigDecimal.ZERO : new BigDecimal(subtotal))
                    .add(tax == null ? BigDecimal.ZERO : new BigDecimal(tax));
            currency = currency == null
                    ? text(lines.get(i).path("subtotal_set").path("shop_money"), "currency_code") : currency;
        }
        return new Amount(total.toPlainString(), currency);
    }

    private static String shipping(JsonNode order, List<FieldError> errors) {
        JsonNode set = order.path("total_shipping_price_set").path("shop_money");
        if (set.isObject()) {
            return money(set, "amount", "total_shipping_price_set.shop_money.amount", errors);
        }
        JsonNode lines = order.path("shipping_lines");
        if (!lines.isArray() || lines.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String price = money(lines.get(i), "price", "shipping_lines[" + i + "].price", errors);
            total = price == null ? total : total.add(new BigDecimal(price));
        }
        return total.toPlainString();
    }

    private static List<Map<String, Object>> items(JsonNode lines, String path, List<FieldError> errors) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Map<String, Object> item = item(line, path + "[" + i + "].", errors);
            putIfPresent(item, "quantity", StoreJson.whole(line, "quantity"));
            items.add(item);
        }
        return items;
    }

    private static Map<String, Object> item(JsonNode line, String path, List<FieldError> errors) {
        Map<String, Object> item = new LinkedHashMap<>();
        putIfPresent(item, "product_id", text(line, "product_id"));
        putIfPresent(item, "variant_id", text(line, "variant_id"));
        putIfPresent(item, "sku", text(line, "sku"));
        putIfPresent(item, "name", first(text(line, "name"), text(line, "title")));
        putIfPresent(item, "price", money(line, "price", path + "price", errors));
        putIfPresent(item, "vendor", text(line, "vendor"));
        return item;
    }

    private static String required(JsonNode node, String field, List<FieldError> errors) {
        String value = text(node, field);
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
        return value;
    }

    private static String requiredMoney(JsonNode node, String field, List<FieldError> errors) {
        int before = errors.size();
        String amount = money(node, field, field, errors);
        if (amount == null && errors.size() == before) {
            errors.add(new FieldError(field, "is required"));
        }
        return amount;
    }

    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
