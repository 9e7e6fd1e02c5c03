package io.tributary.saga.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncWindowPolicyTest {

    @ParameterizedTest(name = "{0}..{1} in at most {2} days → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-01-01 | 2026-01-01 | 30 | 2026-01-01..2026-01-01
            2026-01-01 | 2026-01-30 | 30 | 2026-01-01..2026-01-30
            2026-01-01 | 2026-01-31 | 30 | 2026-01-01..2026-01-30 2026-01-31..2026-01-31
            2026-01-01 | 2026-03-01 | 30 | 2026-01-01..2026-01-30 2026-01-31..2026-03-01
            2026-01-01 | 2026-03-02 | 30 | 2026-01-01..2026-01-30 2026-01-31..2026-03-01 2026-03-02..2026-03-02
            2024-02-28 | 2024-03-01 | 1  | 2024-02-28..2024-02-28 2024-02-29..2024-02-29 2024-03-01..2024-03-01
            2025-12-20 | 2026-01-10 | 7  | 2025-12-20..2025-12-26 2025-12-27..2026-01-02 2026-01-03..2026-01-09 2026-01-10..2026-01-10
            """)
    void splitsARangeIntoConsecutiveRangesOfAtMostMaxDays(LocalDate from, LocalDate to, int maxDays, String expected) {
        List<String> ranges = SyncWindowPolicy.split(from, to, maxDays).stream()
                .map(range -> range.from() + ".." + range.to()).toList();

        assertThat(ranges).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @Test
    void anEmptyRangeHasNoRanges() {
        assertThat(SyncWindowPolicy.split(LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-01"), 30)).isEmpty();
    }

    @Test
    void refusesRangesOfLessThanADay() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                SyncWindowPolicy.split(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"), 0));
    }
}
