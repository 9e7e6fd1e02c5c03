package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTypeTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(ValueType.DECIMAL, new BigDecimal("49.99"), true),
                Arguments.of(ValueType.DECIMAL, "49.99", true),
                Arguments.of(ValueType.DECIMAL, "-3", true),
                Arguments.of(ValueType.DECIMAL, 12, true),
                Arguments.of(ValueType.DECIMAL, "49,99", false),
                Arguments.of(ValueType.DECIMAL, "forty", false),
                Arguments.of(ValueType.DECIMAL, true, false),
                Arguments.of(ValueType.CURRENCY, "EUR", true),
                Arguments.of(ValueType.CURRENCY, "USD", true),
                Arguments.of(ValueType.CURRENCY, "eur", false),
                Arguments.of(ValueType.CURRENCY, "EURO", false),
                Arguments.of(ValueType.CURRENCY, "XYZ", false),
                Arguments.of(ValueType.CURRENCY, 978, false),
                Arguments.of(ValueType.INTEGER, 2, true),
                Arguments.of(ValueType.INTEGER, 3_000_000_000L, true),
                Arguments.of(ValueType.INTEGER, new BigDecimal("2.0"), true),
                Arguments.of(ValueType.INTEGER, new BigDecimal("2.5"), false),
                Arguments.of(ValueType.INTEGER, "2", false),
                Arguments.of(ValueType.ID, "sku-1", true),
                Arguments.of(ValueType.ID, 1001, true),
                Arguments.of(ValueType.ID, " ", false),
                Arguments.of(ValueType.ID, new BigDecimal("1.5"), false),
                Arguments.of(ValueType.STRING, "x", true),
                Arguments.of(ValueType.STRING, 1, false),
                Arguments.of(ValueType.NUMBER, 1.5, true),
                Arguments.of(ValueType.BOOLEAN, false, true),
                Arguments.of(ValueType.OBJECT, Map.of(), true),
                Arguments.of(ValueType.ARRAY, List.of(), true),
                Arguments.of(ValueType.ARRAY, Map.of(), false));
    }

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @MethodSource("values")
    void acceptsOnlyValuesOfItsType(ValueType type, Object value, boolean accepted) {
        assertThat(type.accepts(value)).isEqualTo(accepted);
    }

    @Test
    void namesTheKnownTypesWhenATypeIsUnknown() {
        assertThatThrownBy(() -> ValueType.fromWire("money"))
                .hasMessageContaining("unknown type money").hasMessageContaining("decimal");
    }
}
