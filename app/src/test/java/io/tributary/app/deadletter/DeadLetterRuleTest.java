package io.tributary.app.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.query.support.BatchFailed;
import io.tributary.query.support.EventFailed;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeadLetterRuleTest {

    private static final IllegalStateException FAULT = new IllegalStateException("cannot handle");

    /** failure, store trouble, attempts so far, live failures → set aside?, attempts, cause. */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new BatchFailed(FAULT), false, 0, 0, false, 0, BatchFailed.class),
                Arguments.of(new EventFailed(3, FAULT), false, 0, 0, true, 3, IllegalStateException.class),
                Arguments.of(new EventFailed(3, FAULT), true, 0, 0, false, 0, EventFailed.class),
                Arguments.of(FAULT, false, 0, 1, false, 1, IllegalStateException.class),
                Arguments.of(FAULT, false, 0, 2, false, 2, IllegalStateException.class),
                Arguments.of(FAULT, false, 0, 3, true, 3, IllegalStateException.class),
                Arguments.of(FAULT, true, 0, 3, false, 0, IllegalStateException.class),
                Arguments.of(FAULT, false, 3, 0, true, 4, IllegalStateException.class),
                Arguments.of(FAULT, true, 3, 0, true, 4, IllegalStateException.class),
                Arguments.of(new EventFailed(1, FAULT), false, 4, 0, true, 5, IllegalStateException.class));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void setsAsideOnlyEventsThatFailedAloneOrOftenEnough(Throwable failure, boolean storeTrouble, int attemptsSoFar,
                                                         int liveFailures, boolean setAside, int attempts,
                                                         Class<?> cause) {
        DeadLetterRule.Decision decision = DeadLetterRule.decide(failure, storeTrouble, attemptsSoFar, liveFailures);

        assertThat(decision.setAside()).isEqualTo(setAside);
        assertThat(decision.attempts()).isEqualTo(attempts);
        assertThat(decision.cause()).isInstanceOf(cause);
    }
}
