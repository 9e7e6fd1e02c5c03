package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.quality.EventPropertiesView;
import io.tributary.api.quality.PropertyStatsView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyTableTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static int records;

    @ParameterizedTest(name = "{0} of {1} -> {2}")
    @CsvSource({"0, 0, 0.0000", "1, 3, 0.3333", "2, 3, 0.6667", "3, 3, 1.0000", "1, 8, 0.1250"})
    void fillRateIsTheShareOfAcceptedEventsRoundedToFourDecimals(long count, long of, String rate) {
        assertThat(PropertyTable.rate(count, of)).isEqualTo(new BigDecimal(rate));
    }

    @Test
    void countsFillRateAndTypeDriftPerEventNameAndSourceFromAcceptedEventsOnly() {
        PropertyTable table = new PropertyTable();
        table.add(accepted("Placed Order", "shop", Map.of("total", "number", "currency", "string")));
        table.add(accepted("Placed Order", "shop", Map.of("total", "string")));
        table.add(accepted("Placed Order", "shop", Map.of("total", "number")));
        table.add(accepted("Placed Order", "shop", Map.of()));
        table.add(accepted("Placed Order", "pixel", Map.of("total", "number")));
        table.add(fact("Placed Order", "shop", QualityFact.REJECTED, Map.of("total", "string")));

        List<EventPropertiesView> views = table.build(lookup(Map.of("total", List.of("49.90", "\"12.00\""))));

        EventPropertiesView shop = views.stream().filter(v -> v.sourceId().equals("shop")).findFirst().orElseThrow();
        assertThat(shop.acceptedCount()).isEqualTo(4);
        assertThat(shop.sourceName()).isEqualTo("name of shop");
        assertThat(shop.properties()).extracting(PropertyStatsView::property).containsExactly("total", "currency");
        PropertyStatsView total = shop.properties().get(0);
        assertThat(total.count()).isEqualTo(3);
        assertThat(total.fillRate()).isEqualTo(new BigDecimal("0.7500"));
        assertThat(total.types()).containsExactly(Map.entry("number", 2L), Map.entry("string", 1L));
        assertThat(total.typeDrift()).isTrue();
        assertThat(total.examples()).containsExactly("49.90", "\"12.00\"");
        PropertyStatsView currency = shop.properties().get(1);
        assertThat(currency.fillRate()).isEqualTo(new BigDecimal("0.2500"));
        assertThat(currency.typeDrift()).isFalse();
        EventPropertiesView pixel = views.stream().filter(v -> v.sourceId().equals("pixel")).findFirst().orElseThrow();
        assertThat(pixel.properties().get(0).fillRate()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(pixel.properties().get(0).typeDrift()).isFalse();
    }

    @Test
    void listsAtMostTheCapOfPropertiesMostFilledFirst() {
        PropertyTable table = new PropertyTable();
        Map<String, String> many = new LinkedHashMap<>();
        IntStream.range(0, PropertyExamples.MAX_PROPERTIES + 5).forEach(i -> many.put("p" + i, "string"));
        table.add(accepted("Wide", "shop", many));
        table.add(accepted("Wide", "shop", Map.of("p104", "string")));

        EventPropertiesView wide = table.build(lookup(Map.of())).get(0);

        assertThat(wide.properties()).hasSize(PropertyExamples.MAX_PROPERTIES);
        assertThat(wide.truncated()).isTrue();
        assertThat(wide.properties().get(0).property()).isEqualTo("p104");
    }

    @Test
    void keepsAtMostThreeDistinctExamplesForAtMostTheCapOfProperties() {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String value : List.of("a", "b", "a", "c", "d")) {
            PropertyExamples.merge(kept, Map.of("colour", value));
        }
        Map<String, String> wide = new LinkedHashMap<>();
        IntStream.range(0, PropertyExamples.MAX_PROPERTIES + 5).forEach(i -> wide.put("p" + i, "x"));
        PropertyExamples.merge(kept, wide);

        assertThat(kept.get("colour")).containsExactly("a", "b", "c");
        assertThat(kept).hasSize(PropertyExamples.MAX_PROPERTIES);
    }

    @Test
    void showsExamplesOfNestedFieldsMasked() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("email", "ann@example.com");
        properties.put("coupon", null);
        properties.put("items", List.of(Map.of("product_id", "p1"), Map.of("product_id", "p2")));

        assertThat(PropertyExamples.of(properties)).containsExactly(Map.entry("email", "a***@example.com"),
                Map.entry("items", "[2 items]"), Map.entry("items[].product_id", "p1"));
    }

    private static PropertyTable.Lookup lookup(Map<String, List<String>> examples) {
        return new PropertyTable.Lookup() {
            @Override
            public Map<String, List<String>> examples(String eventName, String sourceId) {
                return new LinkedHashMap<>(examples);
            }

            @Override
            public String sourceName(String sourceId) {
                return "name of " + sourceId;
            }
        };
    }

    private static QualityFact accepted(String eventName, String sourceId, Map<String, String> types) {
        return fact(eventName, sourceId, QualityFact.ACCEPTED, types);
    }

    private static QualityFact fact(String eventName, String sourceId, String status, Map<String, String> types) {
        records++;
        return new QualityFact("r" + records, "e" + records, eventName, sourceId, "server", status, AT, AT, null,
                false, null, null, new ArrayList<>(), types);
    }
}
