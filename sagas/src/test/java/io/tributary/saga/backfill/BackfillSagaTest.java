package io.tributary.saga.backfill;

import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.ImportBackfillPage;
import java.time.Instant;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackfillSagaTest {

    private static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");

    private SagaTestFixture<BackfillSaga> fixture;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(BackfillSaga.class);
    }

    @Test
    void asksForTheFirstPageWhenABackfillStarts() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new BackfillStarted("shop", "b1", SINCE, AT))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ImportBackfillPage("shop", "b1", 1, null, SINCE));
    }

    @Test
    void asksForThePageAfterEachRecordedPageFromItsCursor() {
        fixture.givenAPublished(new BackfillStarted("shop", "b1", SINCE, AT))
                .whenPublishingA(page(1, null, "cursor-2"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ImportBackfillPage("shop", "b1", 2, "cursor-2", SINCE));
    }

    @Test
    void asksForNothingAfterTheLastPage() {
        fixture.givenAPublished(new BackfillStarted("shop", "b1", SINCE, AT))
                .andThenAPublished(page(1, null, "cursor-2"))
                .whenPublishingA(page(2, "cursor-2", null))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void endsWhenTheBackfillCompletes() {
        fixture.givenAPublished(new BackfillStarted("shop", "b1", SINCE, AT))
                .andThenAPublished(page(1, null, null))
                .whenPublishingA(new BackfillCompleted("shop", "b1", 1, 3, 3, 0, 0, AT))
                .expectActiveSagas(0);
    }

    @Test
    void endsWhenTheStoreRefusesAPageForGood() {
        fixture.givenAPublished(new BackfillStarted("shop", "b1", SINCE, AT))
                .whenPublishingA(new BackfillFailed("shop", "b1", 1, "401 Unauthorized", AT))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void keepsBackfillsOfDifferentRunsApart() {
        fixture.givenAPublished(new BackfillStarted("shop", "b1", SINCE, AT))
                .whenPublishingA(new BackfillPageImported("shop", "other", 1, null, "c", 1, 1, 0, 0, AT))
                .expectNoDispatchedCommands();
    }

    private static BackfillPageImported page(int page, String cursor, String next) {
        return new BackfillPageImported("shop", "b1", page, cursor, next, 3, 2, 1, 0, AT);
    }
}
