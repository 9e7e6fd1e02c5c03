package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPeriodTest {

    @ParameterizedTest(name = "{0} → {1} months")
    @CsvSource({"P25M, 25", "P2Y, 24", "P1Y6M, 18", "p3m, 3", "25, 25", "1, 1", "1200, 1200", "P100Y, 1200",
        "' P6M ', 6"})
    void acceptsAPeriodOfMonthsOrYearsOrANumberOfMonths(String given, int months) {
        assertThat(RetentionPeriod.months(given)).contains(months);
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {"", " ", "P30D", "P1M15D", "P1W", "P0M", "P-3M", "0", "1201", "P101Y", "-3", "25 months",
        "forever", "P", "999999999999", "P99999999999M"})
    void refusesWhatIsNoWholeNumberOfMonths(String given) {
        assertThat(RetentionPeriod.months(given)).isEmpty();
    }

    @ParameterizedTest(name = "number {0}")
    @ValueSource(ints = {1, 25, 1200})
    void acceptsANumberOfMonthsAsAJsonNumber(int months) {
        assertThat(RetentionPeriod.months(months)).contains(months);
    }

    @ParameterizedTest(name = "refuses number {0}")
    @ValueSource(longs = {0, -1, 1201, 10_000_000_000L})
    void refusesANumberOfMonthsOutOfRange(long months) {
        assertThat(RetentionPeriod.months(months)).isEmpty();
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(doubles = {2.5, 25.0})
    void refusesAFractionalNumber(double months) {
        assertThat(RetentionPeriod.months(months)).isEqualTo(Optional.empty());
    }
}
