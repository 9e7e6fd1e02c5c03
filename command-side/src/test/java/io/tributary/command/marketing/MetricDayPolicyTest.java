package io.tributary.command.marketing;

import static io.tributary.command.marketing.MarketingFixtures.DAY1;
import static io.tributary.command.marketing.MarketingFixtures.DAY2;
import static io.tributary.command.marketing.MarketingFixtures.DAY3;
import static io.tributary.command.marketing.MarketingFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.marketing.MetricRow;
import io.tributary.command.marketing.MetricDayPolicy.DayChange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetricDayPolicyTest {

    static Stream<Arguments> pulls() {
        List<MetricRow> stored = List.of(row(DAY1, "a1", "10.00"), row(DAY1, "a2", "5.50"));
        return Stream.of(
                Arguments.of("first pull of a day", List.of(), List.of(DAY1), stored, List.of(DAY1)),
                Arguments.of("same rows again", stored, List.of(DAY1), stored, List.of()),
                Arguments.of("same rows in another order", stored, List.of(DAY1),
                        List.of(stored.get(1), stored.get(0)), List.of()),
                Arguments.of("same amounts written differently", stored, List.of(DAY1),
                        List.of(row(DAY1, "a1", "10"), row(DAY1, "a2", "5.5")), List.of()),
                Arguments.of("a restated amount", stored, List.of(DAY1),
                        List.of(row(DAY1, "a1", "10.00"), row(DAY1, "a2", "5.51")), List.of(DAY1)),
                Arguments.of("an ad that disappeared", stored, List.of(DAY1), List.of(stored.get(0)), List.of(DAY1)),
                Arguments.of("a covered day now empty", stored, List.of(DAY1), List.of(), List.of(DAY1)),
                Arguments.of("a covered day empty before and now", List.of(), List.of(DAY2), List.of(), List.of()),
                Arguments.of("a day outside the covered days", List.of(), List.of(DAY2),
                        List.of(row(DAY3, "a1", "1.00")), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pulls")
    void recordsADayOnlyWhenItsRowsChanged(String scenario, List<MetricRow> storedRows, List<LocalDate> covered,
                                            List<MetricRow> pulled, List<LocalDate> expectedChanges) {
        Map<LocalDate, String> stored = new HashMap<>();
        if (!storedRows.isEmpty()) {
            stored.put(DAY1, MetricDayPolicy.fingerprint(storedRows));
        }

        List<DayChange> changes = MetricDayPolicy.changes(stored, covered, pulled);

        assertThat(changes).extracting(DayChange::date).containsExactlyElementsOf(expectedChanges);
    }

    @Test
    void ordersTheRowsOfANewVersionCanonically() {
        MetricRow b = row(DAY1, "b", "1.00");
        MetricRow a = row(DAY1, "a", "2.00");

        List<DayChange> changes = MetricDayPolicy.changes(Map.of(), List.of(DAY1), List.of(b, a));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.rows()).containsExactly(a, b);
            assertThat(change.fingerprint()).isEqualTo(MetricDayPolicy.fingerprint(Arrays.asList(b, a)));
        });
    }

    @Test
    void splitsAPullIntoItsDays() {
        List<DayChange> changes = MetricDayPolicy.changes(Map.of(), List.of(DAY1, DAY2, DAY3),
                List.of(row(DAY3, "a1", "3.00"), row(DAY1, "a1", "1.00"), row(DAY1, "a2", "1.50")));

        assertThat(changes).extracting(DayChange::date).containsExactly(DAY1, DAY3);
        assertThat(changes.get(0).rows()).hasSize(2);
    }
}
