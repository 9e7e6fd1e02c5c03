package io.tributary.query.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsReportTest {

    @ParameterizedTest(name = "{0} clicks / {1} impressions → {2}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            25 | 1000 | 0.025000
            1  | 3    | 0.333333
            2  | 3    | 0.666667
            0  | 10   | 0.000000
            0  | 0    | null
            5  | 0    | null
            """)
    void ctrIsClicksPerImpressionAndNullWithoutImpressions(long clicks, long impressions, BigDecimal expected) {
        assertThat(MetricsReport.ctr(clicks, impressions)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} spent / {1} clicks → {2}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            10.00  | 4 | 2.5000
            10.00  | 3 | 3.3333
            0.05   | 2 | 0.0250
            0.0001 | 2 | 0.0000
            12.34  | 0 | null
            0      | 0 | null
            """)
    void cpcIsSpendPerClickAndNullWithoutClicks(BigDecimal spend, long clicks, BigDecimal expected) {
        assertThat(MetricsReport.cpc(spend, clicks)).isEqualTo(expected);
    }
}
