package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.intake.PayloadBounds;
import io.tributary.api.intake.PayloadLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one payload rule every intake adapter applies: each hostile value is named by its field, cheaply. */
class PayloadBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final PayloadBounds bounds = new PayloadBounds(PayloadLimits.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain event                     | {\"properties\":{\"price\":49.90,\"n\":3,\"tags\":[\"a\"]}} | ",
        "money with many decimals        | {\"properties\":{\"v\":0.30000000000000004}}               | ",
        "a 19-digit id                   | {\"event_id\":1234567890123456789}                          | ",
        "huge exponent                   | {\"event_id\":1e300000000}                                  | event_id",
        "huge negative exponent          | {\"properties\":{\"x\":1e-300000000}}                       | properties.x",
        "zero with a huge exponent       | {\"properties\":{\"x\":0e300000000}}                        | properties.x",
        "a 1000-digit number             | {\"properties\":{\"x\":1%s}}                                | properties.x",
        "an empty key                    | {\"properties\":{\"\":1}}                                   | properties.",
        "a NUL in a deep key             | {\"properties\":{\"a\":{\"b\\u0000c\":1}}}                  | properties.a.b\\u0000c",
        "a tab in a key                  | {\"traits\":{\"a\\tb\":1}}                                  | traits.a\\u0009b",
        "an 8 KB string                  | {\"properties\":{\"s\":\"%s\"}}                             | properties.s",
        "eleven nesting levels           | {\"p\":[[[[[[[[[[[1]]]]]]]]]]]}                             | p[0][0][0][0][0][0][0][0][0]",
    })
    void namesEveryValueOutOfBounds(String why, String template, String field) throws Exception {
        String json = String.format(template, why.contains("1000") ? "0".repeat(999) : "x".repeat(8 * 1024 + 1));
        List<FieldError> errors = new ArrayList<>();

        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> bounds.check(JSON.readValue(json, Object.class), "", errors));

        assertThat(errors).extracting(FieldError::field).isEqualTo(field == null ? List.of() : List.of(field));
    }

    @ParameterizedTest(name = "{0} keys → refused {1}")
    @CsvSource({"500, false", "501, true"})
    void refusesMoreKeysThanTheLimitAtAllDepths(int count, boolean refused) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (int i = 0; i < count - 1; i++) {
            nested.put("k" + i, i);
        }
        List<FieldError> errors = new ArrayList<>();

        bounds.check(Map.of("properties", nested), "", errors);

        assertThat(errors).extracting(FieldError::message)
                .isEqualTo(refused ? List.of("an event may have at most 500 keys at all depths") : List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1e300000000        | ",
        "1e-300000000       | ",
        "12345678901234567890123456789012345678901 | 12345678901234567890123456789012345678901",
        "1e256              | ",
        "1e255              | 1%s",
        "42                 | 42",
        "4.2E+1             | 42",
        "1E+30              | 1000000000000000000000000000000",
        "4.5                | ",
        "0E+300000000       | ",
    })
    void convertsOnlyWholeNumbersOfIdLengthToIds(BigDecimal number, String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(PayloadBounds.wholeNumberText(number, 256))
                        .isEqualTo(expected == null ? null : String.format(expected, "0".repeat(255))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "1700000000      | 2023-11-14T22:13:20Z",
        "1700000000.5    | 2023-11-14T22:13:20.500Z",
        "946684800       | 2000-01-01T00:00:00Z",
        "946684799       | ",
        "1e17            | ",
        "1e20            | ",
        "-1              | ",
        "1e300000000     | ",
        "253402300799    | 9999-12-31T23:59:59Z",
    })
    void readsUnixSecondsOnlyWithinTheWindow(BigDecimal seconds, Instant expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(bounds.fromUnixSeconds(seconds)).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0} → refused {1}")
    @CsvSource({
        "1999-12-31T23:59:59Z, true",
        "2000-01-01T00:00:00Z, false",
        "2030-01-01T00:00:00Z, false",
        "+10000-01-01T00:00:00Z, true",
        "-999999999-01-01T00:00:00Z, true",
    })
    void refusesTimesOutsideTheWindow(Instant time, boolean refused) {
        assertThat(bounds.timeError(time) != null).isEqualTo(refused);
    }
}
