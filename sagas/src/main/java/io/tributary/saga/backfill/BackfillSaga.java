package io.tributary.saga.backfill;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.ImportBackfillPage;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks a store's order pages one at a time: each recorded page ({@code BackfillPageImported}) asks for the next,
 * until the last one completes the backfill. Every step waits for its page to be imported, so the saga's tracking
 * token only moves past a page's event once the next page is stored: after a crash or a restart, the processor
 * hands the last event to the saga again and the backfill resumes from the page it was on. Failures propagate
 * (see {@link #PROCESSING_GROUP}'s error handler), so they are retried rather than skipped.
 */
@Saga
@ProcessingGroup(BackfillSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class BackfillSaga {

    public static final String PROCESSING_GROUP = "backfill-saga";
    private static final String BACKFILL_ID = "backfillId";

    @Autowired
    private transient CommandGateway commandGateway;
    private String sourceId;
    private Instant since;

    @StartSaga
    @SagaEventHandler(associationProperty = BACKFILL_ID)
    void on(BackfillStarted event) {
        sourceId = event.sourceId();
        since = event.since();
        commandGateway.sendAndWait(new ImportBackfillPage(sourceId, event.backfillId(), 1, null, since));
    }

    @SagaEventHandler(associationProperty = BACKFILL_ID)
    void on(BackfillPageImported event) {
        if (!event.isLast()) {
            commandGateway.sendAndWait(new ImportBackfillPage(sourceId, event.backfillId(), event.page() + 1,
                    event.nextCursor(), since));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BACKFILL_ID)
    void on(BackfillCompleted event) {
        // the last page was recorded
    }

    @EndSaga
    @SagaEventHandler(associationProperty = BACKFILL_ID)
    void on(BackfillFailed event) {
        // the store refused a page for good
    }
}
