package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventChecksTest {

    private static final Instant RECEIVED = Instant.parse("2025-03-10T12:00:00Z");
    private static final List<String> EMAIL = List.of("urn:email:ann@example.com");
    private static final EventChecks CHECKS = new EventChecks(EventSpec.builtIn(), Duration.ofDays(7));

    static Stream<Arguments> events() {
        Map<String, Object> item = Map.of("product_id", "p1", "price", "10.00", "quantity", 1);
        Map<String, Object> order = Map.of("id", "o1", "total_price", "10.00", "currency", "EUR", "items", List.of(item));
        return Stream.of(
                Arguments.of("a complete order", "Placed Order", order, EMAIL, List.of(), RECEIVED, List.of()),
                Arguments.of("an order without currency", "Placed Order", without(order, "currency"), EMAIL, List.of(),
                        RECEIVED, List.of("currency:missing")),
                Arguments.of("an order with a bad price and currency", "Placed Order",
                        with(with(order, "total_price", "ten"), "currency", "euro"), EMAIL, List.of(), RECEIVED,
                        List.of("total_price:invalid", "currency:invalid")),
                Arguments.of("an order whose items lack quantity twice", "Placed Order",
                        with(order, "items", List.of(Map.of("product_id", "p1", "price", 1), Map.of("product_id", "p2", "price", 2))),
                        EMAIL, List.of(), RECEIVED, List.of("items[].quantity:missing")),
                Arguments.of("an order whose items are not objects", "Placed Order", with(order, "items", List.of("p1")),
                        EMAIL, List.of(), RECEIVED, List.of("items[]:invalid")),
                Arguments.of("an order with nothing", "Placed Order", Map.of(), EMAIL, List.of(), RECEIVED,
                        List.of("id:missing", "total_price:missing", "currency:missing", "items:missing")),
                Arguments.of("an order with only an anonymous id", "Placed Order", order,
                        List.of("urn:anonymous_id:a1"), List.of(), RECEIVED, List.of("aliases:anonymous_only")),
                Arguments.of("a product view with only an anonymous id", "Viewed Product",
                        Map.of("product_id", 7, "price", 9.5), List.of("urn:anonymous_id:a1"), List.of(), RECEIVED, List.of()),
                Arguments.of("an add to cart without price", "Added To Cart", Map.of("product_id", "p1"), EMAIL,
                        List.of(), RECEIVED, List.of("price:missing")),
                Arguments.of("a checkout with a cart token", "Started Checkout", Map.of(),
                        List.of("urn:cart_token:c1", "urn:anonymous_id:a1"), List.of(), RECEIVED, List.of()),
                Arguments.of("a checkout without a token", "Started Checkout", Map.of(), EMAIL, List.of(), RECEIVED,
                        List.of("aliases:missing_alias")),
                Arguments.of("a custom event", "Subscribed", Map.of(), EMAIL, List.of(), RECEIVED, List.of()),
                Arguments.of("a clamped timestamp", "Subscribed", Map.of(), EMAIL, List.of(TrackedEvent.TIMESTAMP_CLAMPED),
                        RECEIVED, List.of("timestamp:timestamp_clamped")),
                Arguments.of("an event eight days late", "Subscribed", Map.of(), EMAIL, List.of(),
                        RECEIVED.minus(Duration.ofDays(8)), List.of("timestamp:late")),
                Arguments.of("an event exactly seven days late", "Subscribed", Map.of(), EMAIL, List.of(),
                        RECEIVED.minus(Duration.ofDays(7)), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void findsEachProblemOncePerEvent(String description, String name, Map<String, Object> properties,
                                      List<String> aliases, List<String> flags, Instant timestamp, List<String> expected) {
        TrackedEvent event = new TrackedEvent(name, "e1", properties, Map.of(), aliases, timestamp, null, flags);

        List<Finding> findings = CHECKS.check(event, RECEIVED);

        assertThat(findings).extracting(f -> f.property() + ":" + f.kind().wireName())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
