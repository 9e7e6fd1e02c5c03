package io.tributary.query.marketing;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricTotalsTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            # first row: spend, impressions, clicks, conversions, value | second row, same order | expected totals
            0.10,10,1,0.5,9.99       | 0.20,20,2,1.5,0.01     | 0.30,30,3,2.0,10.00
            12.345,0,0,0,0           | 0.005,0,0,0,0          | 12.350,0,0,0,0
            null,5,1,null,null       | 1.00,5,1,2,3.50        | 1.00,10,2,2,3.50
            null,0,0,null,null       | null,0,0,null,null     | 0,0,0,0,0
            """)
    void sumsRowsExactlyCountingMissingAmountsAsZero(String first, String second, String expected) {
        MetricTotals totals = new MetricTotals();
        totals.add(row(first));
        totals.add(row(second));

        String[] sums = expected.split(",");
        assertThat(totals.spend()).isEqualTo(new BigDecimal(sums[0]));
        assertThat(totals.impressions()).isEqualTo(Long.parseLong(sums[1]));
        assertThat(totals.clicks()).isEqualTo(Long.parseLong(sums[2]));
        assertThat(totals.conversions()).isEqualTo(new BigDecimal(sums[3]));
        assertThat(totals.conversionValue()).isEqualTo(new BigDecimal(sums[4]));
    }

    private static MetricRow row(String values) {
        String[] v = values.split(",");
        return new MetricRow(MarketingRows.DAY1, AdPlatform.values()[0], "acc", "c", "C", "s", "S", "a", "A",
                decimal(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2]), decimal(v[3]), decimal(v[4]), "EUR");
    }

    private static BigDecimal decimal(String value) {
        return value.equals("null") ? null : new BigDecimal(value);
    }
}
