package io.tributary.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.report.ReportGrouping;
import io.tributary.api.report.ReportMetric;
import io.tributary.api.report.TimeseriesPoint;
import io.tributary.api.report.TimeseriesSeries;
import io.tributary.api.report.TimeseriesView;
import io.tributary.app.projection.ProjectionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small decisions behind the pages: where a login leads, when a rebuild counts as finished, what the blended report asks and draws. */
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
    void theBlendedReportAsksForTheLast30DaysPerChannelUnderLastTouchUnlessToldOtherwise() {
        LocalDate today = LocalDate.parse("2025-03-31");

        assertThat(BlendedPages.form(Map.of(), today)).containsEntry("from", "2025-03-02").containsEntry("to", "2025-03-31")
                .containsEntry("model", "last_touch").containsEntry("groupBy", "channel").containsEntry("mode", "conversion_time");
        assertThat(BlendedPages.form(Map.of("from", "2025-01-01", "model", " linear ", "groupBy", "", "other", "x"), today))
                .containsEntry("from", "2025-01-01").containsEntry("model", "linear").containsEntry("groupBy", "channel")
                .doesNotContainKey("other");
    }

    @Test
    void chartsAddChannelsUpPerDayAndLeaveRoasOutOnDaysWithoutSpend() {
        LocalDate from = LocalDate.parse("2025-03-01");
        LocalDate to = LocalDate.parse("2025-03-03");
        TimeseriesView revenue = series(ReportMetric.REVENUE,
                new TimeseriesSeries("Meta Ads", null, points("120.00", "0.00", "10.00")),
                new TimeseriesSeries("Google", null, points("30.00", "0.00", null)));
        TimeseriesView spend = series(ReportMetric.SPEND,
                new TimeseriesSeries("Meta Ads", null, points("60.00", "0.00", "0.00")),
                new TimeseriesSeries("Google", null, points("0.00", "0.00", "0.00")));
        TimeseriesView roas = series(ReportMetric.ROAS,
                new TimeseriesSeries("Meta Ads", null, points("2.0000", null, null)),
                new TimeseriesSeries("Google", null, points(null, null, null)));

        BlendedChart.Chart money = BlendedChart.revenueVsSpend(from, to, revenue, spend);
        BlendedChart.Chart ratio = BlendedChart.roas(from, to, revenue, spend, roas);

        assertThat(money.labels()).containsExactly("2025-03-01", "2025-03-02", "2025-03-03");
        assertThat(money.lines()).extracting(BlendedChart.Line::label).containsExactly("Revenue", "Spend");
        assertThat(money.lines().get(0).values()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("150"), BigDecimal.ZERO, BigDecimal.TEN);
        assertThat(ratio.lines()).extracting(BlendedChart.Line::label).containsExactly("All channels", "Meta Ads");
        assertThat(ratio.lines().get(0).values()).containsExactly(new BigDecimal("2.50"), null, null);
    }

    private static TimeseriesView series(ReportMetric metric, TimeseriesSeries... series) {
        return new TimeseriesView(null, null, metric, ReportGrouping.CHANNEL, null, null, null, "EUR", List.of(series));
    }

    private static List<TimeseriesPoint> points(String... values) {
        List<TimeseriesPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TimeseriesPoint(LocalDate.parse("2025-03-01").plusDays(i),
                    values[i] == null ? null : new BigDecimal(values[i])));
        }
        return points;
    }

    private static ProjectionStatus status(String status) {
        return new ProjectionStatus("event-log", status, null, "live".equals(status) ? 1 : 0, 0);
    }
}
