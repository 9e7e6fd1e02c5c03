package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.DedupFixtures.trackedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintTest {

    private static final List<String> ALIASES = List.of("urn:email:ann@example.com", "urn:anonymous_id:a-1");
    private static final TrackedEvent ORIGINAL = trackedEvent(ordered("total", 42.5, "currency", "EUR",
            "items", ordered("sku", "A-1", "qty", 2)), ALIASES);

    @ParameterizedTest(name = "{0}: same fingerprint = {2}")
    @MethodSource("copies")
    void digestsContentInsensitiveToOrder(String change, TrackedEvent copy, boolean same) {
        assertThat(Fingerprint.of(copy).equals(Fingerprint.of(ORIGINAL))).isEqualTo(same);
    }

    static Stream<Arguments> copies() {
        return Stream.of(
                arguments("nothing", trackedEvent(ordered("total", 42.5, "currency", "EUR",
                        "items", ordered("sku", "A-1", "qty", 2)), ALIASES), true),
                arguments("property keys reordered", trackedEvent(ordered("items", ordered("sku", "A-1", "qty", 2),
                        "currency", "EUR", "total", 42.5), ALIASES), true),
                arguments("nested keys reordered", trackedEvent(ordered("total", 42.5, "currency", "EUR",
                        "items", ordered("qty", 2, "sku", "A-1")), ALIASES), true),
                arguments("aliases reordered", trackedEvent(ORIGINAL.properties(), List.of(ALIASES.get(1), ALIASES.get(0))), true),
                arguments("other event time and id", new TrackedEvent(ORIGINAL.eventName(), "order-2",
                        ORIGINAL.properties(), ORIGINAL.profileProperties(), ALIASES, Instant.EPOCH, null,
                        List.of()), true),
                arguments("a property changed", trackedEvent(ordered("total", 42.6, "currency", "EUR",
                        "items", ordered("sku", "A-1", "qty", 2)), ALIASES), false),
                arguments("a nested property changed", trackedEvent(ordered("total", 42.5, "currency", "EUR",
                        "items", ordered("sku", "A-1", "qty", 3)), ALIASES), false),
                arguments("a property added", trackedEvent(ordered("total", 42.5, "currency", "EUR",
                        "items", ordered("sku", "A-1", "qty", 2), "coupon", "SPRING"), ALIASES), false),
                arguments("an alias dropped", trackedEvent(ORIGINAL.properties(), ALIASES.subList(0, 1)), false),
                arguments("profile properties changed", new TrackedEvent(ORIGINAL.eventName(), ORIGINAL.eventId(),
                        ORIGINAL.properties(), Map.of("plan", "free"), ALIASES, ORIGINAL.timestamp(), null,
                        List.of()), false),
                arguments("another event name", new TrackedEvent("Order Refunded", ORIGINAL.eventId(),
                        ORIGINAL.properties(), ORIGINAL.profileProperties(), ALIASES, ORIGINAL.timestamp(), null,
                        List.of()), false));
    }

    @Test
    void isThirtyTwoHexDigits() {
        assertThat(Fingerprint.of(ORIGINAL)).matches("[0-9a-f]{32}");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
