package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionPolicyTest {

    @ParameterizedTest(name = "{0} with {1} months at {2}: expired {3}")
    @CsvSource({
        "2024-03, 25, 2026-04-30T23:59:59.999Z, false",
        "2024-03, 25, 2026-05-01T00:00:00Z,     true",
        "2024-03, 25, 2027-01-01T00:00:00Z,     true",
        "2024-04, 25, 2026-05-01T00:00:00Z,     false",
        "2026-11,  1, 2026-12-31T23:59:59Z,     false",
        "2026-11,  1, 2027-01-01T00:00:00Z,     true",
        "2026-12,  1, 2027-01-15T00:00:00Z,     false",
        "2025-12, 12, 2027-01-01T00:00:00Z,     true",
        "2026-01, 12, 2027-01-31T23:59:59Z,     false",
        "2024-02, 24, 2026-03-01T00:00:00Z,     true",
        "2026-12,  3, 2026-12-07T04:00:00Z,     false",
    })
    void aMonthExpiresOnceAllOfItIsOlderThanTheRetention(YearMonth month, int retentionMonths, Instant now,
                                                         boolean expired) {
        assertThat(RetentionPolicy.isExpired(month, retentionMonths, now)).isEqualTo(expired);
    }

    @ParameterizedTest(name = "{1} months at {2}")
    @CsvSource(delimiter = '|', value = {
        "2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12 | 3 | 2026-12-07T04:00:00Z | 2026-06 2026-07 2026-08",
        "2026-12 2026-06 2025-01                                 | 3 | 2026-12-07T04:00:00Z | 2025-01 2026-06",
        "2026-11 2026-12                                         | 3 | 2026-12-07T04:00:00Z | ",
        "2026-08 not-a-month 2026-13                             | 1 | 2026-12-07T04:00:00Z | 2026-08",
    })
    void listsTheExpiredMonthsOldestFirstAndIgnoresWhatIsNoMonth(String months, int retentionMonths, Instant now,
                                                                 String expected) {
        List<String> expired = RetentionPolicy.expiredMonths(List.of(months.trim().split("\\s+")), retentionMonths,
                now);

        assertThat(expired).isEqualTo(expected == null ? List.of() : List.of(expected.trim().split("\\s+")));
    }
}
