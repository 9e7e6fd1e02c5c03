package io.tributary.command.marketing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.CompleteSync;
import io.tributary.api.marketing.CreateMarketingSource;
import io.tributary.api.marketing.FailSync;
import io.tributary.api.marketing.ImportMetricRows;
import io.tributary.api.marketing.MarketingCredentialsReplaced;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceFailed;
import io.tributary.api.marketing.MarketingSourceRenamed;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricsImported;
import io.tributary.api.marketing.RecordMetricDays;
import io.tributary.api.marketing.RecordSyncPage;
import io.tributary.api.marketing.RenameMarketingSource;
import io.tributary.api.marketing.ReplaceMarketingCredentials;
import io.tributary.api.marketing.ScheduleSyncRetry;
import io.tributary.api.marketing.StartMarketingSync;
import io.tributary.api.marketing.SyncCompleted;
import io.tributary.api.marketing.SyncFailed;
import io.tributary.api.marketing.SyncPageFetched;
import io.tributary.api.marketing.SyncRequestOutcome;
import io.tributary.api.marketing.SyncRequestOutcome.Decision;
import io.tributary.api.marketing.SyncRetryScheduled;
import io.tributary.api.marketing.SyncRowsRecorded;
import io.tributary.api.marketing.SyncStarted;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.command.marketing.MetricDayPolicy.DayChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An ad account whose metrics are pulled or imported. It keeps the fingerprint and version of every day, so a
 * day is recorded again only when its rows changed, and it runs one sync at a time.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class MarketingSource {

    @AggregateIdentifier
    private String marketingSourceId;
    private AdPlatform platform;
    private String name;
    private boolean importOnly;
    private boolean failed;
    private Map<LocalDate, StoredDay> days = new HashMap<>();
    private RunningSync running;

    /** Required by Axon. */
    MarketingSource() {
    }

    @CommandHandler
    MarketingSource(CreateMarketingSource command) {
        apply(new MarketingSourceCreated(command.marketingSourceId(), command.platform(), command.name(),
                command.accountId(), command.currency(), command.apiBaseUrl(), command.options(),
                command.maskedCredentials(), command.importOnly(), command.at()));
    }

    @CommandHandler
    void handle(RenameMarketingSource command) {
        if (!command.name().equals(name)) {
            apply(new MarketingSourceRenamed(marketingSourceId, command.name(), command.at()));
        }
    }

    @CommandHandler
    void handle(ReplaceMarketingCredentials command) {
        apply(new MarketingCredentialsReplaced(marketingSourceId, command.maskedCredentials(), command.at()));
    }

    @CommandHandler
    SyncRequestOutcome handle(StartMarketingSync command) {
        if (importOnly) {
            return new SyncRequestOutcome(Decision.IMPORT_ONLY, null);
        }
        if (running != null) {
            return new SyncRequestOutcome(Decision.ALREADY_RUNNING, running.syncId());
        }
        if (failed && command.trigger() == SyncTrigger.SCHEDULE) {
            return new SyncRequestOutcome(Decision.SKIPPED_IN_ERROR, null);
        }
        apply(new SyncStarted(marketingSourceId, command.syncId(), platform, command.from(), command.to(),
                command.trigger(), command.at()));
        return new SyncRequestOutcome(Decision.STARTED, command.syncId());
    }

    @CommandHandler
    void handle(RecordSyncPage command) {
        if (isRunning(command.syncId())) {
            apply(new SyncPageFetched(marketingSourceId, command.syncId(), command.from(), command.to(),
                    command.page(), command.rowCount(), command.at()));
        }
    }

    @CommandHandler
    void handle(RecordMetricDays command) {
        if (!isRunning(command.syncId())) {
            return;
        }
        List<DayChange> changes = MetricDayPolicy.changes(fingerprints(),
                command.from().datesUntil(command.to().plusDays(1)).toList(), command.rows());
        recordVersions(changes, command.syncId(), command.at());
        apply(new SyncRowsRecorded(marketingSourceId, command.syncId(), command.from(), command.to(),
                command.rows().size(), changes.stream().map(DayChange::date).toList(), command.at()));
    }

    @CommandHandler
    void handle(ScheduleSyncRetry command) {
        if (isRunning(command.syncId())) {
            apply(new SyncRetryScheduled(marketingSourceId, command.syncId(), command.attempt(), command.retryAt(),
                    command.reason(), command.at()));
        }
    }

    @CommandHandler
    void handle(CompleteSync command) {
        if (isRunning(command.syncId())) {
            apply(new SyncCompleted(marketingSourceId, running.syncId(), running.from(), running.to(),
                    running.pages(), running.rows(), running.changedDays(), command.at()));
        }
    }

    @CommandHandler
    void handle(FailSync command) {
        if (!isRunning(command.syncId())) {
            return;
        }
        apply(new SyncFailed(marketingSourceId, command.syncId(), command.message(), command.fatal(), command.at()));
        if (command.fatal()) {
            apply(new MarketingSourceFailed(marketingSourceId, command.syncId(), command.message(), command.at()));
        }
    }

    @CommandHandler
    int handle(ImportMetricRows command) {
        Set<LocalDate> daysInFile = new LinkedHashSet<>();
        command.rows().forEach(row -> daysInFile.add(row.date()));
        List<DayChange> changes = MetricDayPolicy.changes(fingerprints(), daysInFile, command.rows());
        recordVersions(changes, command.importId(), command.at());
        apply(new MetricsImported(marketingSourceId, command.importId(), command.rows().size(),
                changes.stream().map(DayChange::date).toList(), command.rejectedLines(), command.at()));
        return changes.size();
    }

    @EventSourcingHandler
    void on(MarketingSourceCreated event) {
        marketingSourceId = event.marketingSourceId();
        platform = event.platform();
        name = event.name();
        importOnly = event.importOnly();
    }

    @EventSourcingHandler
    void on(MarketingSourceRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(MarketingCredentialsReplaced event) {
        importOnly = false;
        failed = false;
    }

    @EventSourcingHandler
    void on(SyncStarted event) {
        running = new RunningSync(event.syncId(), event.from(), event.to(), 0, 0, 0);
    }

    @EventSourcingHandler
    void on(SyncPageFetched event) {
        running = running.withPage();
    }

    @EventSourcingHandler
    void on(SyncRowsRecorded event) {
        running = running.withRows(event.rowCount(), event.changedDays().size());
    }

    @EventSourcingHandler
    void on(MetricDayRecorded event) {
        days.put(event.date(), new StoredDay(MetricDayPolicy.fingerprint(event.rows()), event.version()));
    }

    @EventSourcingHandler
    void on(SyncCompleted event) {
        running = null;
        failed = false;
    }

    @EventSourcingHandler
    void on(SyncFailed event) {
        running = null;
    }

    @EventSourcingHandler
    void on(MarketingSourceFailed event) {
        failed = true;
    }

    private void recordVersions(List<DayChange> changes, String syncId, Instant at) {
        for (DayChange change : changes) {
            StoredDay previous = days.get(change.date());
            int version = previous == null ? 1 : previous.version() + 1;
            apply(new MetricDayRecorded(marketingSourceId, change.date(), version, change.rows(), syncId, at));
        }
    }

    private Map<LocalDate, String> fingerprints() {
        Map<LocalDate, String> fingerprints = new HashMap<>();
        days.forEach((date, day) -> fingerprints.put(date, day.fingerprint()));
        return fingerprints;
    }

    private boolean isRunning(String syncId) {
        return running != null && running.syncId().equals(syncId);
    }

    record StoredDay(String fingerprint, int version) {
    }

    record RunningSync(String syncId, LocalDate from, LocalDate to, int pages, int rows, int changedDays) {
        RunningSync withPage() {
            return new RunningSync(syncId, from, to, pages + 1, rows, changedDays);
        }

        RunningSync withRows(int more, int changed) {
            return new RunningSync(syncId, from, to, pages, rows + more, changedDays + changed);
        }
    }
}
