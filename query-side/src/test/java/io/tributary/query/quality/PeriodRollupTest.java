package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hour roll-up's arithmetic, without a store: what adding and taking back a fact does to the hour. */
class PeriodRollupTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:15:00Z");
    private static final Finding NO_CURRENCY = new Finding("currency", WarningKind.MISSING, "required");

    static Stream<Arguments> facts() {
        return Stream.of(
                Arguments.of("accepted browser event", fact("r1", QualityFact.ACCEPTED, "browser", null, false, null, null)),
                Arguments.of("stitched server event", fact("r2", QualityFact.ACCEPTED, "server", true, false, null, null)),
                Arguments.of("late-stitched server event", fact("r3", QualityFact.ACCEPTED, "server", false, true, null, null)),
                Arguments.of("conflicting duplicate", fact("r4", QualityFact.DUPLICATE, "server", null, false, "conflicting", "r1")),
                Arguments.of("cross-source duplicate", fact("r5", QualityFact.DUPLICATE, "server", null, false, "cross_source", "r1")),
                Arguments.of("rejected payload", fact("r6", QualityFact.REJECTED, null, null, false, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("facts")
    void takingAFactBackLeavesTheHourAsItWas(String name, QualityFact fact) {
        PeriodRollup hour = RollupGrain.HOUR.of(fact);
        hour.apply(fact("r9", QualityFact.ACCEPTED, "browser", null, false, null, null), 1);
        String before = QualityRollups.toDocument("id", hour).toJson();

        hour.apply(fact, 1);
        assertThat(QualityRollups.toDocument("id", hour).toJson()).isNotEqualTo(before);
        hour.apply(fact, -1);

        assertThat(QualityRollups.toDocument("id", hour).toJson()).isEqualTo(before);
    }

    @Test
    void aLateStitchMovesOnlyTheDelayedCount() {
        QualityFact unstitched = fact("r1", QualityFact.ACCEPTED, "server", false, false, null, null);
        PeriodRollup hour = RollupGrain.HOUR.of(unstitched);
        hour.apply(unstitched, 1);

        hour.apply(unstitched, -1);
        hour.apply(fact("r1", QualityFact.ACCEPTED, "server", false, true, null, null), 1);

        assertThat(hour.count).isEqualTo(1);
        assertThat(hour.serverAccepted).isEqualTo(1);
        assertThat(hour.serverStitched).isZero();
        assertThat(hour.delayed).isEqualTo(1);
        assertThat(hour.latestUnstitched.recordId()).isEqualTo("r1");
        assertThat(hour.warnings.get(new PeriodRollup.WarningKey("currency", WarningKind.MISSING)).count).isEqualTo(1);
    }

    @Test
    void countsEachKeptRecordOnceWithItsCrossSourceCopies() {
        PeriodRollup hour = RollupGrain.HOUR.of(fact("r1", QualityFact.DUPLICATE, "server", null, false, "cross_source", "k1"));
        hour.apply(fact("r1", QualityFact.DUPLICATE, "server", null, false, "cross_source", "k1"), 1);
        hour.apply(fact("r2", QualityFact.DUPLICATE, "server", null, false, "cross_source", "k1"), 1);
        hour.apply(fact("r3", QualityFact.DUPLICATE, "server", null, false, "cross_source", "k2"), 1);

        assertThat(hour.kept).isEqualTo(Map.of("k1", 2L, "k2", 1L));
        assertThat(QualityRollups.fromDocument(QualityRollups.toDocument("id", hour)).kept).isEqualTo(hour.kept);
    }

    @Test
    void keepsTheLatestRecordOfAWarningAsItsExample() {
        QualityFact later = new QualityFact("r2", "e2", "Placed Order", "s", "server", QualityFact.ACCEPTED,
                AT.plusSeconds(60), AT, true, false, null, null, List.of(NO_CURRENCY), Map.of());
        QualityFact earlier = fact("r1", QualityFact.ACCEPTED, "server", true, false, null, null);
        PeriodRollup hour = RollupGrain.HOUR.of(later);

        hour.apply(later, 1);
        hour.apply(earlier, 1);

        PeriodRollup.Counted warning = hour.warnings.get(new PeriodRollup.WarningKey("currency", WarningKind.MISSING));
        assertThat(warning.count).isEqualTo(2);
        assertThat(warning.example.recordId()).isEqualTo("r2");
    }

    private static QualityFact fact(String recordId, String status, String sourceType, Boolean stitched,
                                    boolean delayed, String duplicateKind, String keptRecordId) {
        boolean accepted = QualityFact.ACCEPTED.equals(status);
        return new QualityFact(recordId, "e-" + recordId, "Placed Order", "s", sourceType, status, AT, AT, stitched,
                delayed, duplicateKind, keptRecordId, accepted ? List.of(NO_CURRENCY) : List.of(),
                accepted ? Map.of("total_price", "string") : Map.of());
    }
}
