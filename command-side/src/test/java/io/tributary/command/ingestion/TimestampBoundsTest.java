package io.tributary.command.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.intake.TimestampBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one future-timestamp rule every adapter applies: more than the tolerance ahead is clamped and flagged. */
class TimestampBoundsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T10:00:00Z");
    private final TimestampBounds bounds = new TimestampBounds(Duration.ofHours(23));

    @ParameterizedTest(name = "{0} → {1}, clamped {2}")
    @CsvSource({
        "2026-11-01T10:00:00Z, 2026-11-01T10:00:00Z, false",
        "2026-11-02T10:00:00Z, 2026-11-02T10:00:00Z, false",
        "2026-11-03T09:00:00Z, 2026-11-03T09:00:00Z, false",
        "2026-11-03T09:00:00.001Z, 2026-11-02T10:00:00Z, true",
        "2027-01-01T00:00:00Z, 2026-11-02T10:00:00Z, true",
    })
    void clampsOnlyTimesFurtherAheadThanTheTolerance(Instant eventTime, Instant expected, boolean clamped) {
        TrackedEvent event = new TrackedEvent("Page Load", "p1", Map.of(), Map.of(), List.of("urn:anonymous_id:a"),
                eventTime, "+01:00", List.of("other_flag"));

        TrackedEvent bounded = bounds.clamp(event, RECEIVED);

        assertThat(bounds.isTooFarAhead(eventTime, RECEIVED)).isEqualTo(clamped);
        assertThat(bounds.bounded(eventTime, RECEIVED)).isEqualTo(expected);
        assertThat(bounded.timestamp()).isEqualTo(expected);
        assertThat(bounded.timestampOffset()).isEqualTo("+01:00");
        assertThat(bounded.flags()).isEqualTo(clamped ? List.of("other_flag", TrackedEvent.TIMESTAMP_CLAMPED)
                : List.of("other_flag"));
    }
}
