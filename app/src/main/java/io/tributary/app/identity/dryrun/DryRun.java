package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.rules.IdentityRuleSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One dry-run's state, changed by its background job and read by {@code GET /api/identity/dry-runs/{id}}. */
final class DryRun {

    enum Status { RUNNING, DONE, FAILED, APPLYING, APPLIED }

    final String id;
    /** The candidate channel rules; null when only identity rules are tried. */
    final List<ChannelRule> channelRules;
    /** The complete candidate identity rule set; null when only channel rules are tried. */
    final IdentityRuleSet identityRules;
    final AttributionModel model;
    final LocalDate from;
    final LocalDate to;
    final Instant createdAt;
    private Status status = Status.RUNNING;
    private long processedEvents;
    private long totalEvents;
    private DryRunDiff diff;
    private String error;
    private boolean applyStarted;
    private Long appliedVersion;
    private Long identityVersion;
    private Set<String> newlyBlockedGlue = Set.of();
    private LiveRestatement restatement = LiveRestatement.NONE;
    private long profilesSplitByApply;
    private long profilesMergedByApply;
    private long notRestated;
    private long sessionsReclassified;
    private boolean attributionRebuilt;

    DryRun(String id, List<ChannelRule> channelRules, IdentityRuleSet identityRules, AttributionModel model,
           LocalDate from, LocalDate to, Instant createdAt) {
        this.id = id;
        this.channelRules = channelRules == null ? null : List.copyOf(channelRules);
        this.identityRules = identityRules;
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

    /** An identity dry-run's diff, the aliases whose live merges its apply splits, and the rest of its restatement. */
    synchronized void done(DryRunDiff result, Set<String> newlyBlocked, LiveRestatement live) {
        newlyBlockedGlue = Set.copyOf(newlyBlocked);
        restatement = live;
        done(result);
    }

    synchronized Set<String> newlyBlockedGlue() {
        return newlyBlockedGlue;
    }

    synchronized LiveRestatement restatement() {
        return restatement;
    }

    synchronized void restated(long split, long merged, long left) {
        profilesSplitByApply = split;
        profilesMergedByApply = merged;
        notRestated = left;
    }

    /** A failed apply that recorded no rules yet may be tried again. */
    synchronized void failed(String message) {
        error = message;
        if (status == Status.APPLYING && appliedVersion == null && identityVersion == null) {
            applyStarted = false;
        }
        status = status == Status.APPLYING ? Status.DONE : Status.FAILED;
    }

    /** @return false when the dry-run is not finished, or already applied or applying */
    synchronized boolean startApplying() {
        if (status != Status.DONE || applyStarted) {
            return false;
        }
        applyStarted = true;
        status = Status.APPLYING;
        error = null;
        return true;
    }

    synchronized void rulesRecorded(long version) {
        appliedVersion = version;
    }

    synchronized void identityRulesRecorded(long version) {
        identityVersion = version;
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
        DryRunView.Apply apply = !applyStarted ? null : new DryRunView.Apply(appliedVersion, sessionsReclassified,
                attributionRebuilt, identityVersion, identityRules == null ? null : DryRunView.Apply.IDENTITY_RESTATEMENT,
                profilesSplitByApply, profilesMergedByApply, notRestated);
        return new DryRunView(id, status.name().toLowerCase(), progress, processedEvents, createdAt, channelRules,
                model, diff, apply, error, identityRules);
    }
}
