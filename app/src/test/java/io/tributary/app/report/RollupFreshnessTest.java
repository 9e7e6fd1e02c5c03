package io.tributary.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.projection.ProjectionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollupFreshnessTest {

    @ParameterizedTest(name = "roll-ups {0} at {1}, conversions at {2}: roll-ups answer = {3}")
    @CsvSource(nullValues = "none", value = {
            "live,       120,  120,  true",
            "live,       130,  120,  true",
            "live,       119,  120,  false",
            "rebuilding, 500,  120,  false",
            "live,       none, 120,  true",
            "live,       120,  none, true",
            "rebuilding, none, none, false"})
    void theRollupsAnswerOnlyWhenLiveAndNotBehindTheConversions(String status, Long rollups, Long conversions,
                                                                 boolean usable) {
        assertThat(RollupFreshness.usable(new ProjectionStatus("attribution-rollups", status, rollups, 1, 0),
                new ProjectionStatus("attribution-conversions", "live", conversions, 1, 0))).isEqualTo(usable);
    }
}
