package io.tributary.saga.marketing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CompleteSync;
import io.tributary.api.marketing.FailSync;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.marketing.RecordMetricDays;
import io.tributary.api.marketing.RecordSyncPage;
import io.tributary.api.marketing.ScheduleSyncRetry;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncRetryDue;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTimeoutReached;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs one sync of a marketing source: splits its days into ranges the platform accepts, pulls every page of a
 * range, records the range's rows (the source keeps only the days that changed), then moves on to the next range
 * once the rows are recorded. Transient failures retry the range with backoff through the event scheduler;
 * fatal ones fail the sync and put the source in error. Each step is driven by a stored event, so a sync resumes
 * after a restart.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class MarketingSyncSaga {

    static final int MAX_PAGES_PER_RANGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(MarketingSyncSaga.class);
    private static final String SYNC_ID = "syncId";

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient MetricsPuller puller;
    @Autowired
    private transient EventScheduler eventScheduler;
    @Autowired
    private transient SyncRetryPolicy retryPolicy;

    private String marketingSourceId;
    private String syncId;
    private AdPlatform platform;
    private List<DateRange> ranges;
    private int current;
    private int attempt;

    @StartSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncStarted event) {
        marketingSourceId = event.marketingSourceId();
        syncId = event.syncId();
        platform = event.platform();
        try {
            ranges = SyncWindowPolicy.split(event.from(), event.to(), puller.maxDaysPerRequest(platform));
        } catch (RuntimeException noConnector) {
            fail("no connector for " + platform, true);
            return;
        }
        eventScheduler.schedule(retryPolicy.syncTimeout(), new SyncTimeoutReached(marketingSourceId, syncId));
        proceed();
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncRowsRecorded event) {
        if (current < ranges.size() && event.from().equals(ranges.get(current).from())) {
            current++;
            attempt = 0;
            proceed();
        }
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncRetryDue event) {
        if (event.attempt() == attempt) {
            proceed();
        }
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncTimeoutReached event) {
        fail("the sync did not finish within " + retryPolicy.syncTimeout(), false);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncCompleted event) {
        // the sync is over
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncFailed event) {
        // the sync is over
    }

    private void proceed() {
        try {
            if (current < ranges.size()) {
                pull(ranges.get(current));
            } else {
                commandGateway.sendAndWait(new CompleteSync(marketingSourceId, syncId, now()));
            }
        } catch (PullFailure failure) {
            if (failure.isFatal()) {
                fail(failure.getMessage(), true);
            } else {
                retryLater(failure.getMessage(), failure.retryAfter());
            }
        } catch (RuntimeException unexpected) {
            log.warn("Sync {} of marketing source {} failed unexpectedly; retrying", syncId, marketingSourceId,
                    unexpected);
            retryLater("unexpected " + unexpected.getClass().getSimpleName(), null);
        }
    }

    private void pull(DateRange range) {
        List<MetricRow> rows = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        int page = 0;
        do {
            PulledPage pulled = puller.pull(marketingSourceId, platform, range.from(), range.to(), cursor);
            page++;
            rows.addAll(pulled.rows());
            commandGateway.sendAndWait(new RecordSyncPage(marketingSourceId, syncId, range.from(), range.to(), page,
                    pulled.rows().size(), now()));
            cursor = pulled.nextCursor();
            if (cursor != null && (!cursors.add(cursor) || page >= MAX_PAGES_PER_RANGE)) {
                throw PullFailure.fatal("the platform's paging did not end (page " + page + ")");
            }
        } while (cursor != null);
        commandGateway.sendAndWait(new RecordMetricDays(marketingSourceId, syncId, range.from(), range.to(), rows,
                now()));
    }

    private void retryLater(String reason, Duration requested) {
        attempt++;
        if (retryPolicy.exhausted(attempt)) {
            fail(reason + " (gave up after " + retryPolicy.maxAttempts() + " retries)", false);
            return;
        }
        Instant retryAt = now().plus(retryPolicy.backoff(attempt, requested));
        eventScheduler.schedule(retryAt, new SyncRetryDue(marketingSourceId, syncId, attempt));
        try {
            commandGateway.sendAndWait(new ScheduleSyncRetry(marketingSourceId, syncId, attempt, retryAt, reason,
                    now()));
        } catch (RuntimeException e) {
            log.warn("Could not record the retry of sync {}; it runs anyway", syncId, e);
        }
    }

    private void fail(String message, boolean fatal) {
        try {
            commandGateway.sendAndWait(new FailSync(marketingSourceId, syncId, message, fatal, now()));
        } finally {
            SagaLifecycle.end();
        }
    }

    private Instant now() {
        return retryPolicy.now();
    }
}
