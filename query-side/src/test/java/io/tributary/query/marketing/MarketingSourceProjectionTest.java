package io.tributary.query.marketing;

import static io.tributary.query.marketing.MarketingRows.DAY1;
import static io.tributary.query.marketing.MarketingRows.DAY2;
import static io.tributary.query.marketing.MarketingRows.DAY3;
import static io.tributary.query.marketing.MarketingRows.day;
import static io.tributary.query.marketing.MarketingRows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.FindMarketingSource;
import io.tributary.api.marketing.FindMarketingSources;
import io.tributary.api.marketing.LineError;
import io.tributary.api.marketing.MarketingCredentialsReplaced;
import io.tributary.api.marketing.MarketingErrorView;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MarketingSourceRenamed;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryScheduled;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.api.marketing.SyncView;
import io.tributary.query.support.EmbeddedMongo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketingSourceProjectionTest extends EmbeddedMongo {

    private static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
    private MarketingSourceProjection projection;

    @BeforeEach
    void createProjection() {
        projection = new MarketingSourceProjection(database);
        projection.on(new MarketingSourceCreated("ms", AdPlatform.TIKTOK, "TikTok EU", "7001", "EUR", null,
                Map.of(), Map.of("accessToken", "****9f3a"), false, T0));
    }

    @Test
    void showsTheNewNameOfARenamedSource() {
        projection.on(new MarketingSourceRenamed("ms", "TikTok Europe", T0.plusSeconds(1)));

        assertThat(find()).extracting(MarketingSourceView::name, MarketingSourceView::accountId)
                .containsExactly("TikTok Europe", "7001");
    }

    @Test
    void showsARunningSyncThenItsTotals() {
        projection.on(new SyncStarted("ms", "s1", AdPlatform.TIKTOK, DAY1, DAY3, SyncTrigger.SCHEDULE, T0));
        projection.on(new SyncRowsRecorded("ms", "s1", DAY1, DAY2, 4, List.of(DAY1), T0));

        MarketingSourceView running = find();
        assertThat(running.status()).isEqualTo("syncing");
        assertThat(running.lastSync()).extracting(SyncView::status, SyncView::recordedThrough)
                .containsExactly("running", DAY2);

        projection.on(new SyncCompleted("ms", "s1", DAY1, DAY3, 3, 6, 2, T0.plusSeconds(5)));

        MarketingSourceView done = find();
        assertThat(done.status()).isEqualTo("active");
        assertThat(done.lastSync()).isEqualTo(new SyncView("s1", SyncTrigger.SCHEDULE, DAY1, DAY3, "completed", T0,
                T0.plusSeconds(5), 3, 6, 2, DAY2, null, null));
    }

    @Test
    void showsTheRetryOfATransientFailureAsTheLastError() {
        projection.on(new SyncStarted("ms", "s1", AdPlatform.TIKTOK, DAY1, DAY3, SyncTrigger.MANUAL, T0));
        projection.on(new SyncRetryScheduled("ms", "s1", 1, T0.plusSeconds(30), "Too many requests", T0));

        MarketingSourceView view = find();
        assertThat(view.status()).isEqualTo("syncing");
        assertThat(view.lastSync().retries()).isEqualTo(1);
        assertThat(view.lastSync().retryAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(view.lastError()).isEqualTo(new MarketingErrorView("Too many requests", false, "s1", T0));
    }

    @Test
    void aFatalFailurePutsTheSourceInErrorUntilItsCredentialsAreReplaced() {
        projection.on(new SyncStarted("ms", "s1", AdPlatform.TIKTOK, DAY1, DAY3, SyncTrigger.MANUAL, T0));
        projection.on(new SyncFailed("ms", "s1", "Access token is incorrect or has been revoked.", true, T0));
        projection.on(new MarketingSourceFailed("ms", "s1", "Access token is incorrect or has been revoked.", T0));

        MarketingSourceView failed = find();
        assertThat(failed.status()).isEqualTo("error");
        assertThat(failed.lastSync().status()).isEqualTo("failed");
        assertThat(failed.lastError().message()).isEqualTo("Access token is incorrect or has been revoked.");
        assertThat(failed.lastError().fatal()).isTrue();

        projection.on(new MarketingCredentialsReplaced("ms", Map.of("accessToken", "****0000"), T0.plusSeconds(60)));

        assertThat(find().status()).isEqualTo("active");
        assertThat(find().credentials()).containsExactly(Map.entry("accessToken", "****0000"));
    }

    @Test
    void countsTheRowsOfTheLatestVersionOfEachDayOnce() {
        projection.on(day("ms", DAY1, 1, row(DAY1, AdPlatform.TIKTOK, "c", "a1", "1", 1, 1, "0", "0"),
                row(DAY1, AdPlatform.TIKTOK, "c", "a2", "1", 1, 1, "0", "0")));
        projection.on(day("ms", DAY2, 1, row(DAY2, AdPlatform.TIKTOK, "c", "a1", "1", 1, 1, "0", "0")));
        projection.on(day("ms", DAY1, 2, row(DAY1, AdPlatform.TIKTOK, "c", "a1", "2", 1, 1, "0", "0")));
        projection.on(day("ms", DAY1, 2, row(DAY1, AdPlatform.TIKTOK, "c", "a1", "2", 1, 1, "0", "0")));
        projection.on(day("ms", DAY1, 1, row(DAY1, AdPlatform.TIKTOK, "c", "a1", "1", 1, 1, "0", "0"),
                row(DAY1, AdPlatform.TIKTOK, "c", "a2", "1", 1, 1, "0", "0")));

        assertThat(find().rowsSynced()).isEqualTo(2);
        assertThat(find().daysSynced()).isEqualTo(2);
    }

    @Test
    void showsTheLastImport() {
        projection.on(new MetricsImported("ms", "imp", 5, List.of(DAY1, DAY2), List.of(new LineError(3, "x",
                List.of())), T0));

        assertThat(find().lastImport()).satisfies(imported -> {
            assertThat(imported.rowCount()).isEqualTo(5);
            assertThat(imported.changedDays()).isEqualTo(2);
            assertThat(imported.rejectedLines()).isEqualTo(1);
        });
    }

    @Test
    void listsSourcesOldestFirstAndForgetsThemOnReset() {
        projection.on(new MarketingSourceCreated("older", AdPlatform.META, "Meta", "1", "USD", null, Map.of(),
                Map.of(), true, T0.minusSeconds(60)));

        assertThat(projection.handle(new FindMarketingSources())).extracting(MarketingSourceView::id)
                .containsExactly("older", "ms");

        projection.reset();

        assertThat(projection.handle(new FindMarketingSources())).isEmpty();
    }

    private MarketingSourceView find() {
        return projection.handle(new FindMarketingSource("ms"));
    }
}
