package io.tributary.app.marketing.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest(name = "micros {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12345678      | 12.345678
            12000000      | 12.00
            12300000      | 12.30
            1             | 0.000001
            0             | 0.00
            990000        | 0.99
            9007199254740993123 | 9007199254740.993123
            """)
    void convertsMicrosExactly(String micros, String amount) {
        BigDecimal converted = Numbers.fromMicros(new BigDecimal(micros));

        assertThat(converted.toPlainString()).isEqualTo(amount);
    }

    @ParameterizedTest(name = "JSON {0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"12.34"`          | 12.34
            `"0"`              | 0
            `"1234567890.123456789"` | 1234567890.123456789
            `2.5`              | 2.5
            `0.1`              | 0.1
            `3`                | 3
            `null`             | 0
            `"  7.10 "`        | 7.10
            """)
    void readsStringAndJsonNumbersExactly(String json, String expected) throws Exception {
        JsonNode node = JSON.readTree(json);

        assertThat(Numbers.decimal(node, "spend").toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "count {0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"1000"`   | 1000
            `"1000.0"` | 1000
            `1000`     | 1000
            `null`     | 0
            `"0"`      | 0
            """)
    void readsCounts(String json, long expected) throws Exception {
        assertThat(Numbers.count(JSON.readTree(json), "impressions")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"abc"`
            `"1,234.00"`
            `"1e3"`
            `"NaN"`
            `"12.5"`
            """)
    void refusesWhatIsNotAPlainNumberNamingTheField(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> Numbers.count(JSON.readTree(json), "clicks"))
                .withMessageStartingWith("clicks: ");
    }
}
