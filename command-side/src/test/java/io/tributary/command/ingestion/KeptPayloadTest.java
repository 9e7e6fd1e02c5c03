package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A rejected payload is kept in a form no read model can choke on. */
class KeptPayloadTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain text", 5, "hello", "hello"),
                Arguments.of("NUL escaped", 10, "a\u0000b", "a\\u0000b"),
                Arguments.of("line breaks and tabs kept", 10, "a\nb\tc", "a\nb\tc"),
                Arguments.of("cut with a count", 3, "abcdef", "abc…[3 more characters left out]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void escapesControlCharactersAndCutsLongText(String why, int max, String text, String kept) {
        assertThat(KeptPayload.cut(text, max)).isEqualTo(kept);
    }

    @Test
    void keepsAtMostFiftyErrorsAndSaysHowManyWereLeftOut() {
        List<FieldError> errors = IntStream.range(0, 60).mapToObj(i -> new FieldError("f" + i, "bad")).toList();
        Rejection rejection = new Rejection("r", "s", Instant.EPOCH, "x".repeat(KeptPayload.MAX_PAYLOAD + 10),
                "e".repeat(1000), "id", errors);

        Rejection kept = KeptPayload.of(rejection);

        assertThat(kept.errors()).hasSize(51);
        assertThat(kept.errors().get(50).message()).isEqualTo("10 more problems left out");
        assertThat(kept.payload()).endsWith("…[10 more characters left out]");
        assertThat(kept.eventName()).hasSize(KeptPayload.MAX_NAME + "…[744 more characters left out]".length());
        assertThat(kept.eventId()).isEqualTo("id");
    }
}
