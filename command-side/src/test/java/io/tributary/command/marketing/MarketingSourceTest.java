package io.tributary.command.marketing;

import static io.tributary.command.marketing.MarketingFixtures.AT;
import static io.tributary.command.marketing.MarketingFixtures.DAY1;
import static io.tributary.command.marketing.MarketingFixtures.DAY2;
import static io.tributary.command.marketing.MarketingFixtures.DAY3;
import static io.tributary.command.marketing.MarketingFixtures.SOURCE;
import static io.tributary.command.marketing.MarketingFixtures.SYNC;
import static io.tributary.command.marketing.MarketingFixtures.create;
import static io.tributary.command.marketing.MarketingFixtures.created;
import static io.tributary.command.marketing.MarketingFixtures.row;
import static io.tributary.command.marketing.MarketingFixtures.started;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CompleteSync;
import io.tributary.api.marketing.FailSync;
import io.tributary.api.marketing.ImportMetricRows;
import io.tributary.api.marketing.LineError;
import io.tributary.api.marketing.MarketingCredentialsReplaced;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MarketingSourceRenamed;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.RecordMetricDays;
import io.tributary.api.marketing.RecordSyncPage;
import io.tributary.api.marketing.RenameMarketingSource;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncPageFetched;
import io.tributary.api.marketing.SyncRequestOutcome;
import io.tributary.api.marketing.SyncRequestOutcome.Decision;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.api.ingestion.FieldError;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketingSourceTest {

    private AggregateTestFixture<MarketingSource> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(MarketingSource.class);
    }

    @Test
    void renamesASource() {
        fixture.given(created())
                .when(new RenameMarketingSource(SOURCE, "Meta Europe", AT))
                .expectEvents(new MarketingSourceRenamed(SOURCE, "Meta Europe", AT));
    }

    @Test
    void ignoresARenameToTheNameItAlreadyHas() {
        fixture.given(created(), new MarketingSourceRenamed(SOURCE, "Meta Europe", AT))
                .when(new RenameMarketingSource(SOURCE, "Meta Europe", AT))
                .expectNoEvents();
    }

    @Test
    void startsASyncOfAConnectedSource() {
        fixture.given(created())
                .when(new StartMarketingSync(SOURCE, SYNC, DAY1, DAY3, SyncTrigger.MANUAL, AT))
                .expectEvents(new SyncStarted(SOURCE, SYNC, AdPlatform.META, DAY1, DAY3, SyncTrigger.MANUAL, AT))
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.STARTED, SYNC));
    }

    @Test
    void runsOneSyncAtATime() {
        fixture.given(created(), started(DAY1, DAY3))
                .when(new StartMarketingSync(SOURCE, "sync-2", DAY1, DAY3, SyncTrigger.MANUAL, AT))
                .expectNoEvents()
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.ALREADY_RUNNING, SYNC));
    }

    @Test
    void cannotSyncAnImportOnlySource() {
        fixture.givenCommands(create(true))
                .when(new StartMarketingSync(SOURCE, SYNC, DAY1, DAY3, SyncTrigger.MANUAL, AT))
                .expectNoEvents()
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.IMPORT_ONLY, null));
    }

    @Test
    void recordsTheFirstPullOfEveryDayAsVersionOne() {
        List<MetricRow> rows = List.of(row(DAY1, "a1", "10.00"), row(DAY2, "a1", "12.00"));
        fixture.given(created(), started(DAY1, DAY3))
                .when(new RecordMetricDays(SOURCE, SYNC, DAY1, DAY3, rows, AT))
                .expectEvents(
                        new MetricDayRecorded(SOURCE, DAY1, 1, List.of(rows.get(0)), SYNC, AT),
                        new MetricDayRecorded(SOURCE, DAY2, 1, List.of(rows.get(1)), SYNC, AT),
                        new SyncRowsRecorded(SOURCE, SYNC, DAY1, DAY3, 2, List.of(DAY1, DAY2), AT));
    }

    @Test
    void recordsARestatedDayAsTheNextVersionAndLeavesUnchangedDaysAlone() {
        MetricRow day1 = row(DAY1, "a1", "10.00");
        MetricRow day3 = row(DAY3, "a1", "30.00");
        MetricRow day3Restated = row(DAY3, "a1", "31.25");
        fixture.given(created(), started(DAY1, DAY3),
                        new MetricDayRecorded(SOURCE, DAY1, 1, List.of(day1), SYNC, AT),
                        new MetricDayRecorded(SOURCE, DAY3, 1, List.of(day3), SYNC, AT),
                        new SyncCompleted(SOURCE, SYNC, DAY1, DAY3, 1, 2, 2, AT),
                        new SyncStarted(SOURCE, "sync-2", AdPlatform.META, DAY1, DAY3, SyncTrigger.SCHEDULE, AT))
                .when(new RecordMetricDays(SOURCE, "sync-2", DAY1, DAY3, List.of(day1, day3Restated), AT))
                .expectEvents(
                        new MetricDayRecorded(SOURCE, DAY3, 2, List.of(day3Restated), "sync-2", AT),
                        new SyncRowsRecorded(SOURCE, "sync-2", DAY1, DAY3, 2, List.of(DAY3), AT));
    }

    @Test
    void ignoresRowsOfASyncThatIsNoLongerRunning() {
        fixture.given(created(), started(DAY1, DAY1), new SyncFailed(SOURCE, SYNC, "timed out", false, AT))
                .when(new RecordMetricDays(SOURCE, SYNC, DAY1, DAY1, List.of(row(DAY1, "a1", "1")), AT))
                .expectNoEvents();
    }

    @Test
    void completesWithTheTotalsOfTheSync() {
        fixture.given(created(), started(DAY1, DAY3),
                        new SyncPageFetched(SOURCE, SYNC, DAY1, DAY3, 1, 2, AT),
                        new SyncPageFetched(SOURCE, SYNC, DAY1, DAY3, 2, 1, AT),
                        new SyncRowsRecorded(SOURCE, SYNC, DAY1, DAY3, 3, List.of(DAY1, DAY2), AT))
                .when(new CompleteSync(SOURCE, SYNC, AT))
                .expectEvents(new SyncCompleted(SOURCE, SYNC, DAY1, DAY3, 2, 3, 2, AT));
    }

    @Test
    void recordsAPageOnlyForTheRunningSync() {
        fixture.given(created(), started(DAY1, DAY3))
                .when(new RecordSyncPage(SOURCE, "another", DAY1, DAY3, 1, 10, AT))
                .expectNoEvents();
    }

    @Test
    void marksTheSourceFailedOnAFatalError() {
        fixture.given(created(), started(DAY1, DAY3))
                .when(new FailSync(SOURCE, SYNC, "Invalid OAuth access token.", true, AT))
                .expectEvents(new SyncFailed(SOURCE, SYNC, "Invalid OAuth access token.", true, AT),
                        new MarketingSourceFailed(SOURCE, SYNC, "Invalid OAuth access token.", AT));
    }

    @Test
    void theScheduleSkipsASourceInErrorButAnOperatorMaySyncIt() {
        fixture.given(created(), started(DAY1, DAY3), new SyncFailed(SOURCE, SYNC, "bad token", true, AT),
                        new MarketingSourceFailed(SOURCE, SYNC, "bad token", AT))
                .when(new StartMarketingSync(SOURCE, "sync-2", DAY1, DAY3, SyncTrigger.SCHEDULE, AT))
                .expectNoEvents()
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.SKIPPED_IN_ERROR, null));
        fixture.given(created(), started(DAY1, DAY3), new SyncFailed(SOURCE, SYNC, "bad token", true, AT),
                        new MarketingSourceFailed(SOURCE, SYNC, "bad token", AT))
                .when(new StartMarketingSync(SOURCE, "sync-2", DAY1, DAY3, SyncTrigger.MANUAL, AT))
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.STARTED, "sync-2"));
    }

    @Test
    void newCredentialsLetTheScheduleSyncAgain() {
        fixture.given(created(), started(DAY1, DAY3), new SyncFailed(SOURCE, SYNC, "bad token", true, AT),
                        new MarketingSourceFailed(SOURCE, SYNC, "bad token", AT),
                        new MarketingCredentialsReplaced(SOURCE, Map.of("accessToken", "****wxyz"), AT))
                .when(new StartMarketingSync(SOURCE, "sync-2", DAY1, DAY3, SyncTrigger.SCHEDULE, AT))
                .expectResultMessagePayload(new SyncRequestOutcome(Decision.STARTED, "sync-2"));
    }

    @Test
    void importsOnlyTheDaysOfTheFileAndKeepsItsRejectedLines() {
        MetricRow stored = row(DAY1, "a1", "10.00");
        MetricRow imported = row(DAY2, "a1", "20.00");
        LineError bad = new LineError(3, "2026-03-02,c1,,,,,abc", List.of(new FieldError("spend", "is not a decimal")));
        fixture.given(created(), new MetricDayRecorded(SOURCE, DAY1, 1, List.of(stored), SYNC, AT))
                .when(new ImportMetricRows(SOURCE, "import-1", List.of(imported), List.of(bad), AT))
                .expectEvents(new MetricDayRecorded(SOURCE, DAY2, 1, List.of(imported), "import-1", AT),
                        new MetricsImported(SOURCE, "import-1", 1, List.of(DAY2), List.of(bad), AT))
                .expectResultMessagePayload(1);
    }
}
