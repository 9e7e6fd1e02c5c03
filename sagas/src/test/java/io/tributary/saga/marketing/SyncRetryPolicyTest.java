package io.tributary.saga.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncRetryPolicyTest {

    private final SyncRetryPolicy policy = new SyncRetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofHours(3));

    @ParameterizedTest(name = "retry {0}, platform asks {1} → wait {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            1  | -      | PT30S
            2  | -      | PT1M
            3  | -      | PT2M
            5  | -      | PT8M
            6  | -      | PT10M
            60 | -      | PT10M
            1  | PT5M   | PT5M
            3  | PT10S  | PT2M
            1  | PT1H   | PT10M
            """)
    void backsOffExponentiallyHonouringThePlatformWithinTheLimit(int attempt, Duration requested, Duration expected) {
        assertThat(policy.backoff(attempt, requested)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "retry {0} exhausted: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | false
            5 | false
            6 | true
            """)
    void givesUpAfterTheLastRetry(int attempt, boolean exhausted) {
        assertThat(policy.exhausted(attempt)).isEqualTo(exhausted);
    }
}
