package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The segment count applies to the read models that may split; the others always run one segment. */
class ProcessingPropertiesTest {

    @ParameterizedTest(name = "segments={0}: {1} runs {2}")
    @CsvSource(nullValues = "default", value = {
        "default, sessions, 2",
        "default, attribution-traffic, 2",
        "default, event-log, 1",
        "4, sessions, 4",
        "4, profiles, 1",
        "4, marketing-sync, 1",
        "1, sessions, 1"})
    void givesTheConfiguredCountToSplittableReadModelsOnly(Integer segments, String processor, int expected) {
        assertThat(new ProcessingProperties(segments).segmentsOf(processor)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65})
    void refusesASegmentCountOutsideOneTo64(int segments) {
        assertThatThrownBy(() -> new ProcessingProperties(segments))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tributary.processing.segments");
    }
}
