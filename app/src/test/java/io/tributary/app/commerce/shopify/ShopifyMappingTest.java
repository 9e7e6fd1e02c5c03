package io.tributary.app.commerce.shopify;

import static io.tributary.app.commerce.StoreSamples.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopifyMappingTest {

    private static final String ORDER_ID = "820982911946154508";

    @Test
    void mapsTheOrdersCreateSampleToAPlacedOrderWithExactMoneyAndIds() {
        Mapped mapped = ShopifyMapping.map("orders/create", read("shopify/orders-create.json"), Origin.WEBHOOK);

        assertThat(mapped.errors()).isEmpty();
        TrackedEvent order = single(mapped);
        assertThat(order.eventName()).isEqualTo("Placed Order");
        assertThat(order.eventId()).as("ids above 2^53 stay exact").isEqualTo(ORDER_ID);
        assertThat(order.timestamp()).isEqualTo(Instant.parse("2025-03-14T13:26:53Z"));
        assertThat(order.timestampOffset()).isEqualTo("-04:00");
        assertThat(order.properties()).containsEntry("id", ORDER_ID).containsEntry("name", "#1042")
                .containsEntry("total_price", "104.97").containsEntry("total_tax", "7.18")
                .containsEntry("total_shipping", "7.99").containsEntry("currency", "USD")
                .containsEntry("$is_new_customer", true).containsEntry("source_name", "web")
                .containsEntry("landing_site", "/products/wool-scarf?utm_source=newsletter&utm_medium=email&utm_campaign=spring")
                .containsEntry("referring_site", "https://www.google.com/").containsEntry("origin", "webhook");
        assertThat((List<Map<String, Object>>) order.properties().get("items")).containsExactly(
                Map.of("product_id", "632910392", "variant_id", "808950810", "sku", "SCARF-MW-CHA",
                        "name", "Merino Wool Scarf - Charcoal", "price", "24.95", "quantity", 2L, "vendor", "Acme Knits"),
                Map.of("product_id", "921728736", "variant_id", "457924702", "sku", "GLOVE-LTH-M",
                        "name", "Leather Gloves - M", "price", "49.90", "quantity", 1L, "vendor", "Acme Leather"));
        assertThat(order.aliases()).containsExactlyInAnyOrder("urn:cart_token:Z2NwLWV1cm9wZS13ZXN0NDowMUhTUjk0",
                "urn:checkout_token:a3c7b1f06e2d4e8f9b0c1d2e3f4a5b6c", "urn:customer_id:115310627314723954",
                "urn:email:Ada.Lovelace@Example.com", "urn:phone:+1 (555) 010-4242", "urn:shopify_order:" + ORDER_ID);
        assertThat(order.profileProperties()).containsEntry("$email", "Ada.Lovelace@Example.com")
                .containsEntry("$first_name", "Ada").containsEntry("$last_name", "Lovelace")
                .containsEntry("$city", "Portland").containsEntry("$country_code", "US")
                .containsEntry("$state", "OR").containsEntry("$zip_code", "97205");
    }

    @ParameterizedTest(name = "orders_count {0} → $is_new_customer {1}")
    @CsvSource(nullValues = "absent", value = {
        "1, true",
        "0, true",
        "2, false",
        "17, false",
        "absent, absent"})
    void readsNewCustomerStatusFromTheCustomersOrderCount(Long ordersCount, Boolean isNew) {
        ObjectNode order = read("shopify/orders-create.json");
        ObjectNode customer = (ObjectNode) order.get("customer");
        if (ordersCount == null) {
            customer.remove("orders_count");
        } else {
            customer.put("orders_count", ordersCount);
        }

        TrackedEvent placed = single(ShopifyMapping.map("orders/create", order, Origin.WEBHOOK));

        assertThat(placed.properties().get("$is_new_customer")).isEqualTo(isNew);
    }

    @Test
    void addsShippingLinesExactlyWhenTheShippingSetIsAbsent() {
        ObjectNode order = read("shopify/orders-create.json");
        order.remove("total_shipping_price_set");
        ArrayNode lines = order.putArray("shipping_lines");
        lines.addObject().put("price", "0.10");
        lines.addObject().put("price", "0.20");

        assertThat(single(ShopifyMapping.map("orders/create", order, Origin.WEBHOOK)).properties())
                .containsEntry("total_shipping", "0.30");
    }

    @Test
    void namesEveryProblemFieldOfABrokenOrder() {
        ObjectNode order = read("shopify/orders-create.json");
        order.remove("id");
        order.put("created_at", "yesterday");
        order.remove("currency");
        order.put("total_price", "a lot");
        ((ObjectNode) order.get("line_items").get(1)).put("price", "free");

        Mapped mapped = ShopifyMapping.map("orders/create", order, Origin.WEBHOOK);

        assertThat(mapped.events()).isEmpty();
        assertThat(mapped.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("id", "created_at",
                "currency", "total_price", "line_items[1].price");
    }

    @Test
    void mapsARefundToTheMoneyItGaveBackOnTheOrdersProfile() {
        TrackedEvent refund = single(ShopifyMapping.map("refunds/create", read("shopify/refunds-create.json"),
                Origin.WEBHOOK));

        assertThat(refund.eventName()).isEqualTo("Refunded Order");
        assertThat(refund.eventId()).isEqualTo("929361462");
        assertThat(refund.timestamp()).isEqualTo(Instant.parse("2025-03-20T15:02:41Z"));
        assertThat(refund.properties()).containsEntry("amount", "48.49").containsEntry("currency", "USD")
                .containsEntry("order_id", ORDER_ID);
        assertThat((List<Map<String, Object>>) refund.properties().get("items")).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("sku", "GLOVE-LTH-M").containsEntry("quantity", 1L));
        assertThat(refund.aliases()).containsExactly("urn:shopify_order:" + ORDER_ID);
    }

    @Test
    void readsTheRefundedLinesWhenARefundHasNoTransaction() {
        ObjectNode refund = read("shopify/refunds-create.json");
        refund.putArray("transactions");

        assertThat(single(ShopifyMapping.map("refunds/create", refund, Origin.WEBHOOK)).properties())
                .containsEntry("amount", "48.49");
    }

    @Test
    void mapsACheckoutToAStartedCheckoutKeyedAndAliasedByItsTokens() {
        TrackedEvent checkout = single(ShopifyMapping.map("checkouts/update", read("shopify/checkouts-create.json"),
                Origin.WEBHOOK));

        assertThat(checkout.eventName()).isEqualTo("Started Checkout");
        assertThat(checkout.eventId()).isEqualTo("a3c7b1f06e2d4e8f9b0c1d2e3f4a5b6c");
        assertThat(checkout.properties()).containsEntry("total_price", "49.90").containsEntry("currency", "USD");
        assertThat(checkout.aliases()).containsExactlyInAnyOrder("urn:cart_token:Z2NwLWV1cm9wZS13ZXN0NDowMUhTUjk0",
                "urn:checkout_token:a3c7b1f06e2d4e8f9b0c1d2e3f4a5b6c");
    }

    @Test
    void mapsACustomerUpdateToProfilePropertiesOnly() {
        TrackedEvent customer = single(ShopifyMapping.map("customers/update", read("shopify/customers-update.json"),
                Origin.WEBHOOK));

        assertThat(customer.eventName()).isEqualTo("$identify");
        assertThat(customer.eventId()).isEqualTo("customer:115310627314723954:2025-03-21T19:40:12Z");
        assertThat(customer.profileProperties()).containsEntry("$last_name", "King").containsEntry("$city", "Seattle")
                .containsEntry("$state", "WA").containsEntry("$phone_number", "+15550104242");
        assertThat(customer.aliases()).containsExactlyInAnyOrder("urn:customer_id:115310627314723954",
                "urn:email:ada.lovelace@example.com", "urn:phone:+15550104242");
    }

    @Test
    void mapsAHistoricalOrderToEveryFactItRecordsWithoutGuessingNewCustomerStatus() {
        ObjectNode order = read("shopify/orders-create.json");
        order.put("cancelled_at", "2025-03-22T10:00:00-04:00").put("cancel_reason", "customer");
        order.putArray("refunds").add(read("shopify/refunds-create.json"));

        Mapped mapped = ShopifyMapping.historicalOrder(order);

        assertThat(mapped.events()).extracting(TrackedEvent::eventName, TrackedEvent::eventId).containsExactly(
                tuple("Placed Order", ORDER_ID),
                tuple("Cancelled Order", ORDER_ID),
                tuple("Refunded Order", "929361462"));
        assertThat(mapped.events()).allSatisfy(event -> {
            assertThat(event.properties()).containsEntry("origin", "backfill").doesNotContainKey("$is_new_customer");
            assertThat(event.aliases()).contains("urn:email:Ada.Lovelace@Example.com");
        });
        assertThat(mapped.events().get(1).timestamp()).isEqualTo(Instant.parse("2025-03-22T14:00:00Z"));
    }

    @Test
    void ignoresTopicsItDoesNotMapButRequiresATopic() {
        assertThat(ShopifyMapping.map("products/update", read("shopify/orders-create.json"), Origin.WEBHOOK).ignored())
                .contains("products/update");
        assertThat(ShopifyMapping.map(null, read("shopify/orders-create.json"), Origin.WEBHOOK).errors())
                .extracting(FieldError::field).containsExactly("X-Shopify-Topic");
    }

    @Test
    void findsTheNextPageInfoInTheLinkHeader() {
        String both = "<https://acme.myshopify.com/admin/api/2026-07/orders.json?limit=250&page_info=prev%3D1>; rel=\"previous\", "
                + "<https://acme.myshopify.com/admin/api/2026-07/orders.json?limit=250&page_info=eyJsYXN0X2lkIjo0fQ>; rel=\"next\"";

        assertThat(ShopifyAdminApi.nextPageInfo(both)).contains("eyJsYXN0X2lkIjo0fQ");
        assertThat(ShopifyAdminApi.nextPageInfo("<https://x/orders.json?page_info=abc>; rel=\"previous\"")).isEmpty();
    }

    private static TrackedEvent single(Mapped mapped) {
        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.events()).hasSize(1);
        return mapped.events().get(0);
    }
}
