package io.tributary.saga.marketing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CompleteSync;
import io.tributary.api.marketing.FailSync;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.marketing.RecordMetricDays;
import io.tributary.api.marketing.RecordSyncPage;
import io.tributary.api.marketing.ScheduleSyncRetry;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryDue;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTimeoutReached;
import io.tributary.api.marketing.SyncTrigger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketingSyncSagaTest {

    private static final String SOURCE = "ms-1";
    private static final String SYNC = "sync-1";
    private static final LocalDate JAN1 = LocalDate.parse("2026-01-01");
    private static final LocalDate JAN30 = LocalDate.parse("2026-01-30");
    private static final LocalDate JAN31 = LocalDate.parse("2026-01-31");
    private static final LocalDate FEB5 = LocalDate.parse("2026-02-05");

    private final MetricsPuller puller = mock(MetricsPuller.class);
    private SagaTestFixture<MarketingSyncSaga> fixture;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(MarketingSyncSaga.class);
        fixture.registerResource(puller);
        fixture.registerResource(new SyncRetryPolicy(2, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofHours(1), new FixtureClock()));
        when(puller.maxDaysPerRequest(AdPlatform.TIKTOK)).thenReturn(30);
    }

    @Test
    void pullsEveryPageOfTheFirstRangeThenRecordsItsRows() {
        when(puller.pull(eq(SOURCE), eq(AdPlatform.TIKTOK), eq(JAN1), eq(JAN30), isNull()))
                .thenReturn(new PulledPage(List.of(row(JAN1), row(JAN30)), "2"));
        when(puller.pull(SOURCE, AdPlatform.TIKTOK, JAN1, JAN30, "2")).thenReturn(new PulledPage(List.of(row(JAN1)), null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(1)
                .expectScheduledEvent(Duration.ofHours(1), new SyncTimeoutReached(SOURCE, SYNC))
                .expectDispatchedCommands(
                        new RecordSyncPage(SOURCE, SYNC, JAN1, JAN30, 1, 2, fixture.currentTime()),
                        new RecordSyncPage(SOURCE, SYNC, JAN1, JAN30, 2, 1, fixture.currentTime()),
                        new RecordMetricDays(SOURCE, SYNC, JAN1, JAN30, List.of(row(JAN1), row(JAN30), row(JAN1)),
                                fixture.currentTime()));
    }

    @Test
    void pullsTheNextRangeOnceTheRowsOfTheFirstAreRecorded() {
        when(puller.pull(eq(SOURCE), eq(AdPlatform.TIKTOK), eq(JAN1), eq(JAN30), isNull()))
                .thenReturn(new PulledPage(List.of(), null));
        when(puller.pull(eq(SOURCE), eq(AdPlatform.TIKTOK), eq(JAN31), eq(FEB5), isNull()))
                .thenReturn(new PulledPage(List.of(row(FEB5)), null));

        fixture.givenAPublished(started())
                .whenPublishingA(new SyncRowsRecorded(SOURCE, SYNC, JAN1, JAN30, 0, List.of(), fixture.currentTime()))
                .expectDispatchedCommands(
                        new RecordSyncPage(SOURCE, SYNC, JAN31, FEB5, 1, 1, fixture.currentTime()),
                        new RecordMetricDays(SOURCE, SYNC, JAN31, FEB5, List.of(row(FEB5)), fixture.currentTime()));
    }

    @Test
    void completesWhenTheLastRangeIsRecorded() {
        when(puller.pull(any(), any(), any(), any(), any())).thenReturn(new PulledPage(List.of(), null));

        fixture.givenAPublished(started())
                .andThenAPublished(new SyncRowsRecorded(SOURCE, SYNC, JAN1, JAN30, 0, List.of(), fixture.currentTime()))
                .whenPublishingA(new SyncRowsRecorded(SOURCE, SYNC, JAN31, FEB5, 0, List.of(), fixture.currentTime()))
                .expectDispatchedCommands(new CompleteSync(SOURCE, SYNC, fixture.currentTime()));
    }

    @Test
    void ignoresARedeliveredRecordingOfARangeAlreadyDone() {
        when(puller.pull(any(), any(), any(), any(), any())).thenReturn(new PulledPage(List.of(), null));

        fixture.givenAPublished(started())
                .andThenAPublished(new SyncRowsRecorded(SOURCE, SYNC, JAN1, JAN30, 0, List.of(), fixture.currentTime()))
                .whenPublishingA(new SyncRowsRecorded(SOURCE, SYNC, JAN1, JAN30, 0, List.of(), fixture.currentTime()))
                .expectNoDispatchedCommands();
    }

    @Test
    void retriesARateLimitedRangeAfterABackoff() {
        when(puller.pull(eq(SOURCE), eq(AdPlatform.TIKTOK), eq(JAN1), eq(JAN30), isNull()))
                .thenThrow(PullFailure.transientFailure("Too many requests", null))
                .thenReturn(new PulledPage(List.of(row(JAN1)), null));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectScheduledEvent(Duration.ofSeconds(30), new SyncRetryDue(SOURCE, SYNC, 1))
                .expectDispatchedCommands(new ScheduleSyncRetry(SOURCE, SYNC, 1,
                        fixture.currentTime().plusSeconds(30), "Too many requests", fixture.currentTime()));
        fixture.whenTimeElapses(Duration.ofSeconds(30))
                .expectDispatchedCommands(
                        new RecordSyncPage(SOURCE, SYNC, JAN1, JAN30, 1, 1, fixture.currentTime()),
                        new RecordMetricDays(SOURCE, SYNC, JAN1, JAN30, List.of(row(JAN1)), fixture.currentTime()));
    }

    @Test
    void waitsAsLongAsThePlatformAsksWithinTheLimit() {
        when(puller.pull(any(), any(), any(), any(), any()))
                .thenThrow(PullFailure.transientFailure("slow down", Duration.ofMinutes(2)));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectScheduledEvent(Duration.ofMinutes(2), new SyncRetryDue(SOURCE, SYNC, 1));
    }

    @Test
    void givesUpAfterTheLastRetryWithoutPuttingTheSourceInError() throws Exception {
        when(puller.pull(any(), any(), any(), any(), any()))
                .thenThrow(PullFailure.transientFailure("Service unavailable", null));

        fixture.givenAPublished(started())
                .andThenTimeElapses(Duration.ofSeconds(30))
                .whenTimeElapses(Duration.ofSeconds(60))
                .expectDispatchedCommands(new FailSync(SOURCE, SYNC,
                        "Service unavailable (gave up after 2 retries)", false, fixture.currentTime()))
                .expectActiveSagas(0);
    }

    @Test
    void failsAndPutsTheSourceInErrorWhenThePlatformRefusesTheCredentials() {
        when(puller.pull(any(), any(), any(), any(), any()))
                .thenThrow(PullFailure.fatal("Access token is incorrect or has been revoked."));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new FailSync(SOURCE, SYNC,
                        "Access token is incorrect or has been revoked.", true, fixture.currentTime()))
                .expectActiveSagas(0);
    }

    @Test
    void failsASyncThatRunsPastItsTimeout() {
        when(puller.pull(any(), any(), any(), any(), any()))
                .thenThrow(PullFailure.transientFailure("Too many requests", Duration.ofMinutes(5)));

        fixture.givenAPublished(started())
                .whenPublishingA(new SyncTimeoutReached(SOURCE, SYNC))
                .expectDispatchedCommands(new FailSync(SOURCE, SYNC, "the sync did not finish within PT1H", false,
                        fixture.currentTime()))
                .expectActiveSagas(0);
    }

    @Test
    void failsWhenPagingNeverEnds() {
        when(puller.pull(any(), any(), any(), any(), any())).thenReturn(new PulledPage(List.of(), "same"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectActiveSagas(0);
    }

    @Test
    void failsASyncOfAPlatformWithoutConnector() {
        when(puller.maxDaysPerRequest(AdPlatform.TIKTOK)).thenThrow(PullFailure.fatal("no connector for TIKTOK"));

        fixture.givenNoPriorActivity()
                .whenPublishingA(started())
                .expectDispatchedCommands(new FailSync(SOURCE, SYNC, "no connector for TIKTOK", true,
                        fixture.currentTime()))
                .expectActiveSagas(0);
    }

    @Test
    void endsWhenTheSyncFailed() {
        when(puller.pull(any(), any(), any(), any(), any()))
                .thenThrow(PullFailure.transientFailure("Too many requests", null));

        fixture.givenAPublished(started())
                .whenPublishingA(new SyncFailed(SOURCE, SYNC, "stopped", false, fixture.currentTime()))
                .expectActiveSagas(0);
    }

    /** The fixture's own time, which {@code whenTimeElapses} moves on. */
    private final class FixtureClock extends Clock {
        @Override
        public Instant instant() {
            return fixture.currentTime();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private SyncStarted started() {
        return new SyncStarted(SOURCE, SYNC, AdPlatform.TIKTOK, JAN1, FEB5, SyncTrigger.MANUAL, fixture.currentTime());
    }

    private static MetricRow row(LocalDate date) {
        return new MetricRow(date, AdPlatform.TIKTOK, "7000", "c1", "Campaign", "g1", "Group", "a1", "Ad",
                new BigDecimal("1.50"), 100, 3, BigDecimal.ONE, new BigDecimal("20.00"), "EUR");
    }
}
