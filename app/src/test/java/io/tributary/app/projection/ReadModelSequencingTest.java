package io.tributary.app.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionMoved;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Which segment key each event gets in each read model: the key of the documents its handler writes. */
class ReadModelSequencingTest {

    private static final Instant LATE_ON_THE_2ND = Instant.parse("2026-12-02T23:59:59Z");

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("sessions", started("s-1", LATE_ON_THE_2ND), "session:s-1"),
                Arguments.of("sessions", recorded("s-1"), "session:s-1"),
                Arguments.of("sessions", recorded(null), null),
                Arguments.of("sessions", new SessionMoved("s-1", "p-1", "p-2", "m-1"), "session:s-1"),
                Arguments.of("sessions", reclassified("s-1", LATE_ON_THE_2ND), "session:s-1"),
                Arguments.of("sessions", merged("p-survivor", "p-merged"), "merge:p-merged"),
                Arguments.of("sessions", split("p-survivor", "p-merged"), "merge:p-merged"),
                Arguments.of("attribution-traffic", started("s-1", LATE_ON_THE_2ND), "day:2026-12-02"),
                Arguments.of("attribution-traffic", started("s-2", LATE_ON_THE_2ND.plusSeconds(1)), "day:2026-12-03"),
                Arguments.of("attribution-traffic", reclassified("s-1", LATE_ON_THE_2ND), "day:2026-12-02"),
                Arguments.of("attribution-traffic", started("s-1", null), null),
                Arguments.of("profiles", started("s-1", LATE_ON_THE_2ND), null),
                Arguments.of("event-log", recorded("s-1"), null));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("keys")
    void keysEachEventByTheDocumentsItWrites(String readModel, Object payload, String key) {
        assertThat(ReadModelSequencing.keyOf(readModel, payload)).isEqualTo(key);
    }

    @Test
    void splitsOnlyReadModelsWhoseEventsEachWriteOneKey() {
        assertThat(ReadModelSequencing.SPLITTABLE).containsExactlyInAnyOrder("sessions", "attribution-traffic");
        assertThat(Projections.READ_MODELS).containsAll(ReadModelSequencing.SPLITTABLE);
    }

    @Test
    void routesByTheKeyButDeadLettersByTheEvent() {
        RoutedEvent first = new RoutedEvent("session:s-1", "event-1");
        RoutedEvent second = new RoutedEvent("session:s-1", "event-2");

        assertThat(first.hashCode()).as("same segment").isEqualTo(second.hashCode());
        assertThat(RoutedEvent.deadLetterSequence(first)).isEqualTo("event-1");
        assertThat(RoutedEvent.deadLetterSequence(second)).isEqualTo("event-2");
        assertThat(RoutedEvent.deadLetterSequence("event-3")).isEqualTo("event-3");
    }

    private static SessionStarted started(String sessionId, Instant at) {
        return new SessionStarted(sessionId, "p-1", "r-1", at, "Paid Search", "google", null, null, null,
                "https://shop.example/", null, 0, "src-1");
    }

    private static SessionReclassified reclassified(String sessionId, Instant startedAt) {
        return new SessionReclassified(sessionId, "p-1", startedAt, "Direct", "direct", null, null, null,
                "Paid Search", "google", null, null, null, 2);
    }

    private static EventRecorded recorded(String sessionId) {
        return new EventRecorded("p-1", "r-1", "src-1", null, Instant.EPOCH, null, "f", sessionId, false, null, false,
                null);
    }

    private static ProfilesMerged merged(String survivor, String merged) {
        return new ProfilesMerged(survivor, survivor, merged, null, null, null, null, "rule", null, 0, null, null);
    }

    private static ProfileSplit split(String survivor, String splitOff) {
        return new ProfileSplit(survivor, survivor, splitOff, null, null, null, null, null, "rule", null, null, null);
    }
}
