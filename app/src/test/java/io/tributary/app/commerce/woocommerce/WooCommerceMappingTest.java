package io.tributary.app.commerce.woocommerce;

import static io.tributary.app.commerce.StoreSamples.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.app.commerce.Mapped;
import io.tributary.app.commerce.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceMappingTest {

    @Test
    void mapsAPaidOrderToAPlacedOrderWithExactMoneyAndItsAttribution() {
        Mapped mapped = WooCommerceMapping.map("order.created", read("woocommerce/order.json"), Origin.WEBHOOK);

        assertThat(mapped.errors()).isEmpty();
        TrackedEvent order = mapped.events().get(0);
        assertThat(mapped.events()).hasSize(1);
        assertThat(order.eventName()).isEqualTo("Placed Order");
        assertThat(order.eventId()).isEqualTo("727");
        assertThat(order.timestamp()).isEqualTo(Instant.parse("2025-03-14T14:26:53Z"));
        assertThat(order.properties()).containsEntry("name", "#727").containsEntry("total_price", "42.55")
                .containsEntry("total_tax", "7.31").containsEntry("total_shipping", "4.95")
                .containsEntry("currency", "EUR").containsEntry("source_name", "checkout")
                .containsEntry("landing_site", "https://shop.example/product/teapot/?utm_source=bing&utm_medium=cpc")
                .containsEntry("referring_site", "https://www.bing.com/").containsEntry("origin", "webhook");
        assertThat((List<Map<String, Object>>) order.properties().get("items")).containsExactly(
                Map.of("product_id", "93", "variant_id", "94", "sku", "TEAPOT-CI-BLK", "name", "Cast Iron Teapot - Black",
                        "price", "24.79", "quantity", 1L),
                Map.of("product_id", "22", "sku", "TEA-SENCHA-100", "name", "Sencha Tea 100g", "price", "2.75",
                        "quantity", 2L));
        assertThat(order.aliases()).containsExactlyInAnyOrder("urn:customer_id:26",
                "urn:email:grace.hopper@example.org", "urn:phone:+31 20 555 0199", "urn:order_key:wc_order_Q6tuhq12KJOel");
        assertThat(order.profileProperties()).containsEntry("$first_name", "Grace").containsEntry("$country_code", "NL")
                .containsEntry("$zip_code", "1054 XD");
    }

    @Test
    void aGuestOrderHasNoCustomerIdAlias() {
        ObjectNode order = read("woocommerce/order.json").put("customer_id", 0);

        assertThat(WooCommerceMapping.order(order, Origin.WEBHOOK).events().get(0).aliases())
                .noneMatch(alias -> alias.startsWith("urn:customer_id:"));
    }

    @Test
    void givesEachListedRefundItsOwnRefundedOrderWithAPositiveAmount() {
        ObjectNode order = read("woocommerce/order.json").put("status", "completed");
        order.putArray("refunds").addObject().put("id", 731).put("reason", "chipped").put("total", "-24.79");

        Mapped mapped = WooCommerceMapping.map("order.updated", order, Origin.WEBHOOK);

        assertThat(mapped.events()).extracting(TrackedEvent::eventName, TrackedEvent::eventId)
                .containsExactly(tuple("Placed Order", "727"), tuple("Refunded Order", "731"));
        assertThat(mapped.events().get(1).properties()).containsEntry("amount", "24.79").containsEntry("order_id", "727")
                .containsEntry("reason", "chipped");
        assertThat(mapped.events().get(1).aliases()).contains("urn:order_key:wc_order_Q6tuhq12KJOel");
    }

    @Test
    void readsACancelledPaidOrderAsPlacedThenCancelled() {
        ObjectNode order = read("woocommerce/order.json").put("status", "cancelled")
                .put("date_modified_gmt", "2025-03-15T08:00:00");

        Mapped mapped = WooCommerceMapping.map("order.updated", order, Origin.WEBHOOK);

        assertThat(mapped.events()).extracting(TrackedEvent::eventName).containsExactly("Placed Order", "Cancelled Order");
        assertThat(mapped.events().get(1).timestamp()).isEqualTo(Instant.parse("2025-03-15T08:00:00Z"));
    }

    @Test
    void ignoresAnOrderThatIsNotPlacedYetAndTopicsItDoesNotMap() {
        assertThat(WooCommerceMapping.map("order.created", read("woocommerce/order.json").put("status", "pending"),
                Origin.WEBHOOK).isIgnored()).isTrue();
        assertThat(WooCommerceMapping.map("product.updated", read("woocommerce/order.json"), Origin.WEBHOOK).isIgnored())
                .isTrue();
    }

    @Test
    void namesEveryProblemFieldOfABrokenOrder() {
        ObjectNode order = read("woocommerce/order.json");
        order.remove("status");
        order.put("date_created_gmt", "last week").put("total", "lots");
        order.putArray("refunds").addObject().put("total", "-1.00");

        assertThat(WooCommerceMapping.map("order.updated", order, Origin.WEBHOOK).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("status", "date_created_gmt", "total", "refunds[0].id");
    }
}
