package io.tributary.query.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApportionmentTest {

    /** The missing cents go to the largest remainders, ties to the first. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            33.333333; 33.333333; 33.333334          | 33.33; 33.33; 33.34
            0.333333; 0.333333; 0.333334             | 0.33; 0.33; 0.34
            10.005; 20.005                           | 10.01; 20.00
            1.5; 2.25; 0                             | 1.50; 2.25; 0.00
            0.004; 0.004; 0.004                      | 0.01; 0.00; 0.00
            0.666666; 0.666667; 0.666667             | 0.66; 0.67; 0.67
            """)
    void roundsSoThatTheRowsSumToTheRoundedTotal(String values, String expected) {
        List<BigDecimal> rounded = Apportionment.round(decimals(values), 2);

        assertThat(rounded).extracting(BigDecimal::toPlainString)
                .containsExactlyElementsOf(Arrays.stream(expected.split(";")).map(String::trim).toList());
        BigDecimal total = decimals(values).stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, java.math.RoundingMode.HALF_UP);
        assertThat(Apportionment.total(rounded, 2)).isEqualByComparingTo(total);
    }

    private static List<BigDecimal> decimals(String values) {
        return Arrays.stream(values.split(";")).map(v -> new BigDecimal(v.trim())).toList();
    }
}
