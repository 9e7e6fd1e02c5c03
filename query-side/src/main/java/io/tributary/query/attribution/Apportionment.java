package io.tributary.query.attribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Rounds non-negative values to a scale so that the rounded values sum to the rounded total (largest remainder):
 * each value is rounded down, then the units still missing go to the values that lost the most.
 */
public final class Apportionment {

    private Apportionment() {
    }

    public static List<BigDecimal> round(List<BigDecimal> values, int scale) {
        BigDecimal target = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(scale, RoundingMode.HALF_UP);
        List<BigDecimal> rounded = new ArrayList<>(values.stream().map(v -> v.setScale(scale, RoundingMode.FLOOR)).toList());
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        int missing = target.subtract(rounded.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .divide(unit).intValueExact();
        List<Integer> byRemainder = IntStream.range(0, values.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> values.get(i).subtract(rounded.get(i))).reversed()
                        .thenComparing(i -> i))
                .toList();
        for (int k = 0; k < missing && k < byRemainder.size(); k++) {
            int i = byRemainder.get(k);
            rounded.set(i, rounded.get(i).add(unit));
        }
        return rounded;
    }

    public static BigDecimal total(List<BigDecimal> rounded, int scale) {
        return rounded.stream().reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
    }
}
