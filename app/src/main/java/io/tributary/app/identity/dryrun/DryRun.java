package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import io.tributary.api.report.AttributionModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One dry-run's state, changed by its background job and read by {@code GET /api/identity/dry-runs/{id}}. */
final class DryRun {

    enum Status { RUNNING, DONE, FAILED, APPLYING, APPLIED }

    final String id;
    final List<ChannelRule> channelRules;
    final AttributionModel model;
    final LocalDate from;
    final LocalDate to;
    final Instant createdAt;
    private Status status = Status.RUNNING;
    private long processedEvents;
    private long totalEvents;
    private DryRunDiff diff;
    private String error;
    private Long appliedVersion;
    private long sessionsReclassified;
    private boolean attributionRebuilt;

    DryRun(String id, List<ChannelRule> channelRules, AttributionModel model, LocalDate from, LocalDate to,
           Instant createdAt) {
        this.id = id;
        this.channelRules = List.copyOf(channelRules);
        this.model = model;
        this.from = from;
        this.to = to;
        this.createdAt = createdAt;
    }

    synchronized void progress(long processed, long total) {
        processedEvents = processed;
        totalEvents = Math.max(total, processed);
    }

    synchronized void done(DryRunDiff result) {
        diff = result;
        status = Status.DONE;
    }

    synchronized void failed(String message) {
        error = message;
        status = status == Status.APPLYING ? Status.DONE : Status.FAILED;
    }

    /** @return false when the dry-run is not finished, or already applied or applying */
    synchronized boolean startApplying() {
        if (status != Status.DONE || appliedVersion != null) {
            return false;
        }
        status = Status.APPLYING;
        error = null;
        return true;
    }

    synchronized void rulesRecorded(long version) {
        appliedVersion = version;
    }

    synchronized void applied(long reclassified, boolean rebuilt) {
        sessionsReclassified = reclassified;
        attributionRebuilt = rebuilt;
        status = Status.APPLIED;
    }

    synchronized Status status() {
        return status;
    }

    synchronized DryRunView view() {
        double progress = status == Status.RUNNING
                ? (totalEvents == 0 ? 0 : Math.min(1, (double) processedEvents / totalEvents)) : 1;
        DryRunView.Apply apply = appliedVersion == null && status != Status.APPLYING ? null
                : new DryRunView.Apply(appliedVersion, sessionsReclassified, attributionRebuilt);
        return new DryRunView(id, status.name().toLowerCase(), progress, processedEvents, createdAt, channelRules,
                model, diff, apply, error);
    }
}
