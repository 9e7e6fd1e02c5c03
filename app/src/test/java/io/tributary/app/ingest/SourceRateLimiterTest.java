package io.tributary.app.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceRateLimiterTest {

    static final long MS = 1_000_000L;

    /** perSecond, burst, request times in ms (one source), expected answers. */
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of(10.0, 3, List.of(0L, 0L, 0L, 0L), List.of(true, true, true, false)),
                Arguments.of(10.0, 3, List.of(0L, 0L, 0L, 0L, 100L), List.of(true, true, true, false, true)),
                Arguments.of(10.0, 3, List.of(0L, 0L, 0L, 50L), List.of(true, true, true, false)),
                Arguments.of(10.0, 2, List.of(0L, 0L, 10_000L, 10_000L, 10_000L), List.of(true, true, true, true, false)),
                Arguments.of(0.0, 1, List.of(0L, 0L, 0L), List.of(true, true, true)));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void refillsUpToTheBurst(double perSecond, int burst, List<Long> atMillis, List<Boolean> expected) {
        AtomicLong now = new AtomicLong();
        SourceRateLimiter limiter = new SourceRateLimiter(perSecond, burst, now::get);
        List<Boolean> answers = new ArrayList<>();
        for (long at : atMillis) {
            now.set(at * MS);
            answers.add(limiter.tryAcquire("source-a"));
        }
        assertThat(answers).isEqualTo(expected);
    }

    @Test
    void keepsOneBudgetPerSource() {
        SourceRateLimiter limiter = new SourceRateLimiter(1.0, 1, () -> 0L);

        assertThat(limiter.tryAcquire("busy")).isTrue();
        assertThat(limiter.tryAcquire("busy")).isFalse();
        assertThat(limiter.tryAcquire("quiet")).isTrue();
    }

    /** request times in ms at 2/s with a burst of 3 → allowed, remaining, retry after (s). */
    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of(List.of(0L), List.of("true 2 0")),
                Arguments.of(List.of(0L, 0L, 0L, 0L), List.of("true 2 0", "true 1 0", "true 0 0", "false 0 1")),
                Arguments.of(List.of(0L, 0L, 0L, 500L), List.of("true 2 0", "true 1 0", "true 0 0", "true 0 0")),
                Arguments.of(List.of(0L, 0L, 0L, 0L, 2000L), List.of("true 2 0", "true 1 0", "true 0 0", "false 0 1",
                        "true 2 0")));
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void tellsWhatIsLeftAndWhenToComeBack(List<Long> atMillis, List<String> expected) {
        AtomicLong now = new AtomicLong();
        SourceRateLimiter limiter = new SourceRateLimiter(2.0, 3, now::get);
        List<String> answers = new ArrayList<>();
        for (long at : atMillis) {
            now.set(at * MS);
            SourceRateLimiter.Decision decision = limiter.take("source-a");
            assertThat(decision.limit()).isEqualTo(3);
            answers.add(decision.allowed() + " " + decision.remaining() + " " + decision.retryAfterSeconds());
        }
        assertThat(answers).isEqualTo(expected);
    }

    @Test
    void keepsABoundedNumberOfBudgetsDroppingTheLeastRecentlyUsed() {
        SourceRateLimiter limiter = new SourceRateLimiter(1.0, 1, () -> 0L, 2);

        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.tryAcquire("c")).isTrue();

        assertThat(limiter.tryAcquire("c")).as("kept").isFalse();
        assertThat(limiter.tryAcquire("a")).as("dropped, so full again").isTrue();
    }
}
