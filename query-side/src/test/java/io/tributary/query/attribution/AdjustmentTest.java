package io.tributary.query.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ground truth for net revenue: an order's revenue less what its refunds gave back, 0 once cancelled. */
class AdjustmentTest {

    /** Adjustments as {@code R:<amount>} (a refund of that amount), {@code R} (a refund of everything), {@code C}. */
    @ParameterizedTest(name = "{0} with [{1}] nets {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            119.90 | -                     | 119.90
            119.90 | R:30.00               | 89.90
            119.90 | R:30.00 R:19.90       | 70.00
            119.90 | R:30.00 R:0.01 R:0.09 | 89.80
            119.90 | R:119.90              | 0.00
            119.90 | R:100.00 R:30.00      | 0
            119.90 | R                     | 0
            119.90 | R:30.00 R             | 0
            119.90 | R:0.00                | 119.90
            119.90 | R:30.00 C             | 0
            0.00   | R:5.00                | 0
            """)
    void netsRevenueOfItsRefundsAndCancellations(String revenue, String adjustments, String net) {
        assertThat(Adjustment.net(new BigDecimal(revenue), parse(adjustments))).isEqualByComparingTo(net);
    }

    @ParameterizedTest(name = "{0} refunds {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            amount=30.00                   | 30.00
            amount=30                      | 30
            amount=-30.00                  | 30.00
            amount=30.00 total_price=99.00 | 30.00
            total_price=99.00              | 99.00
            amount=abc total_price=12.50   | 12.50
            amount=abc                     | -
            -                              | -
            amount=1e300000000             | -
            amount=0.0000000000000000001   | -
            """)
    void readsARefundsAmountElseItsTotalPriceElseNothing(String properties, String refunded) {
        Map<String, Object> parsed = new HashMap<>();
        if (properties != null) {
            Arrays.stream(properties.split(" ")).map(p -> p.split("=")).forEach(p -> parsed.put(p[0], p[1]));
        }
        assertThat(OrderProperties.refunded(parsed).map(BigDecimal::toPlainString).orElse(null)).isEqualTo(refunded);
    }

    private static List<Adjustment> parse(String adjustments) {
        List<Adjustment> parsed = new ArrayList<>();
        if (adjustments == null) {
            return parsed;
        }
        for (String token : adjustments.split(" ")) {
            String id = "adj-" + parsed.size();
            parsed.add(token.equals("C") ? new Adjustment(id, Adjustment.Kind.CANCEL, null)
                    : new Adjustment(id, Adjustment.Kind.REFUND, token.equals("R") ? null : new BigDecimal(token.substring(2))));
        }
        return parsed;
    }
}
