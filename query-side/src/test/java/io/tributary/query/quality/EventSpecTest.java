package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSpecTest {

    @Test
    void builtInSpecRequiresTheStandardOrderProperties() {
        EventRule order = EventSpec.builtIn().rule("Placed Order");

        assertThat(order.properties()).containsOnlyKeys("id", "total_price", "currency", "items");
        assertThat(order.properties().get("currency").type()).isEqualTo(ValueType.CURRENCY);
        assertThat(order.properties().get("items").items()).containsOnlyKeys("product_id", "price", "quantity");
        assertThat(EventSpec.builtIn().rule("Started Checkout").aliasTypes()).containsExactly("checkout_token", "cart_token");
    }

    @Test
    void anExtensionAddsEventsAndPropertiesAndRelaxesRules() {
        Map<String, Object> extension = Map.of(
                "anonymousAliasTypes", List.of("cvg_uid"),
                "events", Map.of(
                        "Placed Order", Map.of("properties", Map.of(
                                "currency", Map.of("type", "currency", "required", false),
                                "$is_new_customer", Map.of("type", "boolean", "required", true))),
                        "Subscribed", Map.of("aliasTypes", List.of("email"))));

        EventSpec spec = EventSpec.builtIn().extendedBy(extension);

        EventRule order = spec.rule("Placed Order");
        assertThat(order.properties()).containsKeys("id", "total_price", "items", "$is_new_customer");
        assertThat(order.properties().get("currency").required()).isFalse();
        assertThat(spec.rule("Subscribed").aliasTypes()).containsExactly("email");
        assertThat(spec.rule("Viewed Product").anonymousAllowed()).isTrue();
        assertThat(spec.anonymousAliasTypes()).containsExactlyInAnyOrder("anonymous_id", "cvg_uid");
    }

    @Test
    void namesEveryProblemOfAnInvalidSpecWithItsPath() {
        Map<String, Object> broken = Map.of("events", Map.of("Placed Order", Map.of(
                "anonymousAllowed", "yes",
                "properties", Map.of(
                        "total_price", Map.of("type", "money"),
                        "currency", Map.of("type", "string", "items", Map.of("x", Map.of("type", "string")))))));

        assertThatThrownBy(() -> EventSpec.fromTree(broken))
                .hasMessageContaining("events.Placed Order.anonymousAllowed must be true or false")
                .hasMessageContaining("events.Placed Order.properties.total_price.type: unknown type money")
                .hasMessageContaining("events.Placed Order.properties.currency.items is only allowed on an array");
    }
}
