package io.tributary.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.projection.ProjectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small decisions behind the pages: where a login leads, when a rebuild counts as finished, what becomes a table. */
class DashboardRulesTest {

    private static final Instant ASKED = Instant.parse("2025-03-01T10:00:00Z");

    @ParameterizedTest(name = "next={0} -> {1}")
    @CsvSource(nullValues = "null", value = {
        "/dashboard/events?status=rejected, /dashboard/events?status=rejected",
        "/dashboard/quality, /dashboard/quality",
        "null, /dashboard/sources",
        "https://evil.example/, /dashboard/sources",
        "//evil.example/dashboard/, /dashboard/sources",
        "/dashboard/\\evil, /dashboard/sources",
        "/api/sources, /dashboard/sources"})
    void afterLoginGoesOnlyToOwnPages(String next, String expected) {
        assertThat(LoginPages.safeNext(next)).isEqualTo(expected);
    }

    @Test
    void aRebuildSeenRunningFinishesWhenLiveAgain() {
        ProjectionPages.Rebuild asked = new ProjectionPages.Rebuild(ASKED, false, null);

        ProjectionPages.Rebuild running = asked.observe(status("rebuilding"), ASKED.plusMillis(100));
        ProjectionPages.Rebuild finished = running.observe(status("live"), ASKED.plusMillis(300));

        assertThat(running.finishedAt()).isNull();
        assertThat(finished.finishedAt()).isEqualTo(ASKED.plusMillis(300));
        assertThat(finished.observe(status("live"), ASKED.plusSeconds(9)).finishedAt()).isEqualTo(ASKED.plusMillis(300));
    }

    @Test
    void aRebuildNeverSeenRunningCountsAsFinishedOnlyAfterItSettled() {
        ProjectionPages.Rebuild asked = new ProjectionPages.Rebuild(ASKED, false, null);

        assertThat(asked.observe(status("live"), ASKED.plusMillis(200)).finishedAt()).isNull();
        assertThat(asked.observe(status("live"), ASKED.plus(ProjectionPages.SETTLE).plusMillis(1)).finishedAt()).isNotNull();
    }

    @Test
    void aReportApiAnswerBecomesATableWithTheUnionOfItsColumns() {
        Object body = Map.of("from", "2025-03-01", "rows", List.of(
                Map.of("channel", "Meta Ads", "revenue", "100.00"),
                Map.of("channel", "Google Ads", "spend", "40.00")));

        ReportPages.Answer answer = ReportPages.table(200, body);

        assertThat(answer.available()).isTrue();
        assertThat(answer.columns()).containsExactlyInAnyOrder("channel", "revenue", "spend");
        assertThat(answer.rows()).hasSize(2);
        assertThat(ReportPages.table(200, List.of()).rows()).isEmpty();
    }

    private static ProjectionStatus status(String status) {
        return new ProjectionStatus("event-log", status, null, "live".equals(status) ? 1 : 0);
    }
}
