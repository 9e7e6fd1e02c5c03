package io.tributary.app.identity.dryrun;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.SplitGluedMerges;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.rules.IdentityReplayer;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.RecordIdentityRuleSet;
import io.tributary.api.session.TrafficSource;
import io.tributary.app.cluster.ConflictRetry;
import java.util.function.Function;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.BlendedReportView;
import io.tributary.api.report.BlendedRow;
import io.tributary.api.session.ReclassifySession;
import io.tributary.api.session.SessionReclassified;
import io.tributary.api.session.SessionStarted;
import io.tributary.app.channel.ChannelRuleBookClient;
import io.tributary.app.identity.dryrun.DryRunDiff.GroupChange;
import io.tributary.app.identity.dryrun.DryRunDiff.SessionChange;
import io.tributary.app.projection.Projections;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs dry-runs in the background, one at a time. Channel rules alone: a replay of every recorded event into two
 * shadow attribution read models (the rules in force, the candidate rules), then their diff. Identity rules (with
 * channel rules or without): two in-memory replays of the recorded tracked events through the live stitching and
 * session policies, under the rules in force and the candidate ones, each fed into a shadow read model of its own,
 * then who merges or splits, which sessions change, and the orders and revenue per channel group of either side. An apply records the candidate
 * rules as a new version, restates every session they classify differently with {@code SessionReclassified}, and
 * rebuilds attribution-conversions when orders without a session are classified differently; it records candidate
 * identity rules as the next identity rules version, which new tracked events are decided with. Dry-runs are kept in
 * memory: a restart forgets them (never the rules or events an apply recorded).
 */
@Component
public class DryRuns {

    private static final Logger log = LoggerFactory.getLogger(DryRuns.class);
    private static final String ATTRIBUTION = "attribution-conversions";
    private static final String PAGE_URL = "$url";
    private static final String BLOCKED_VALUE = "blocked_value";

    private final Map<String, DryRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dry-runs");
        thread.setDaemon(true);
        return thread;
    });
    private final EventHistory history;
    private final ChannelClassifier channels;
    private final ChannelRuleBookClient ruleBook;
    private final CommandGateway commands;
    private final Projections projections;
    private final ShadowFactory shadows;
    private final IdentityReplayer replayer;
    private final String databaseName;
    private final Clock clock = Clock.systemUTC();

    DryRuns(EventHistory history, ChannelClassifier channels, ChannelRuleBookClient ruleBook, CommandGateway commands,
            Projections projections, ShadowFactory shadows, IdentityReplayer replayer, MongoDatabase database) {
        this.history = history;
        this.channels = channels;
        this.ruleBook = ruleBook;
        this.commands = commands;
        this.projections = projections;
        this.shadows = shadows;
        this.replayer = replayer;
        this.databaseName = database.getName();
    }

    DryRun start(DryRunRequest request, AttributionModel model) {
        IdentityRuleSet identity = IdentityCandidate.given(request)
                ? IdentityCandidate.over(replayer.inForce(), request) : null;
        DryRun run = new DryRun(UUID.randomUUID().toString(), request.channelRules(), identity, model, request.from(),
                request.to(), clock.instant());
        runs.put(run.id, run);
        worker.submit(() -> guarded(run, () -> {
            if (identity == null) {
                run.done(evaluate(run));
            } else {
                evaluateIdentity(run);
            }
        }));
        return run;
    }

    Optional<DryRun> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Starts a dry-run of candidate channel rules; answers its id. */
    public String start(List<ChannelRule> channelRules, AttributionModel model) {
        return start(new DryRunRequest(channelRules, model.wireName(), null, null, null, null, null, null), model).id;
    }

    /** Every problem of a request's identity candidates, each named by its field. */
    public static List<FieldError> identityProblems(DryRunRequest request) {
        return IdentityCandidate.problems(request);
    }

    /** Starts a dry-run of a checked request (identity candidates, with channel rules or without); answers its id. */
    public String start(DryRunRequest request) {
        return start(request, request.model() == null ? AttributionModel.LAST_TOUCH
                : AttributionModel.fromWire(request.model())).id;
    }

    /** The identity rules new tracked events are decided with. */
    public IdentityRuleSet identityRulesInForce() {
        return replayer.inForce();
    }

    public Optional<DryRunView> view(String id) {
        return find(id).map(DryRun::view);
    }

    /** @return false when there is no such dry-run, it is not done yet, or it was applied already */
    public boolean apply(String id) {
        return find(id).map(this::apply).orElse(false);
    }

    /** The dry-runs of this process, newest first. */
    public List<DryRunView> recent() {
        return runs.values().stream().map(DryRun::view)
                .sorted(Comparator.comparing(DryRunView::createdAt).reversed()).toList();
    }

    /** @return false when the dry-run is not done yet, or was applied already */
    boolean apply(DryRun run) {
        if (!run.startApplying()) {
            return false;
        }
        worker.submit(() -> guarded(run, () -> restate(run)));
        return true;
    }

    private DryRunDiff evaluate(DryRun run) {
        ChannelRuleSet inForce = channels.inForce();
        ChannelRuleSet candidate = new ChannelRuleSet(inForce.version() + 1, run.channelRules);
        ChannelReplay replay = new ChannelReplay(channels, inForce, candidate);
        String prefix = databaseName + "_dryrun_" + run.id.substring(0, 8);
        long total = history.size();
        AtomicLong processed = new AtomicLong();
        DateSpan span = new DateSpan();
        try (ShadowReadModels before = shadows.open(prefix + "_before", (l, r) -> channels.classify(l, r, inForce));
             ShadowReadModels after = shadows.open(prefix + "_after", (l, r) -> channels.classify(l, r, candidate))) {
            history.replay(payload -> {
                before.feed(payload);
                if (payload instanceof SessionStarted s) {
                    after.feed(replay.started(s));
                } else if (payload instanceof SessionReclassified r) {
                    replay.reclassified(r);
                } else if (payload instanceof EventRecorded e && shadows.isConversion(e)) {
                    replay.sessionlessConversion(e);
                    span.add(e.event().timestamp().atZone(ZoneOffset.UTC).toLocalDate());
                    after.feed(e);
                } else if (payload instanceof EventRecorded || payload instanceof ProfilesMerged) {
                    after.feed(payload);
                }
                long done = processed.incrementAndGet();
                if (done % 200 == 0) {
                    run.progress(done, total);
                }
            });
            run.progress(processed.get(), processed.get());
            LocalDate from = run.from != null ? run.from : span.first(clock);
            LocalDate to = run.to != null ? run.to : span.last(clock);
            BlendedReportView was = before.perChannelGroup(run.model, from, to);
            BlendedReportView would = after.perChannelGroup(run.model, from, to);
            List<SessionChange> sessions = new ArrayList<>();
            long changed = replay.changed(false).peek(s -> {
                if (sessions.size() < DryRunDiff.SESSIONS_LISTED) {
                    sessions.add(new SessionChange(s.sessionId(), s.profileId(), s.startedAt(), s.now(),
                            ChannelReplay.channelOf(s.candidate()), "channel"));
                }
            }).count();
            return DryRunDiff.ofChannels(changed, sessions, run.model.wireName(), from, to, would.currency(),
                    groups(was, would), replay.sessionlessOrdersChanged());
        }
    }

    /**
     * Replays every recorded tracked event twice in memory, under the identity and channel rules in force and under
     * the candidate ones, then feeds each side's placements into a shadow attribution read model of its own.
     */
    private void evaluateIdentity(DryRun run) {
        ChannelRuleSet inForce = channels.inForce();
        ChannelRuleSet candidate = run.channelRules == null ? inForce
                : new ChannelRuleSet(inForce.version() + 1, run.channelRules);
        Function<TrackedEvent, TrafficSource> classifyBefore = e -> landingOf(e, inForce);
        Function<TrackedEvent, TrafficSource> classifyAfter = e -> landingOf(e, candidate);
        IdentityComparison comparison = new IdentityComparison(
                replayer.start(replayer.inForce(), classifyBefore), classifyBefore,
                replayer.start(run.identityRules, classifyAfter), classifyAfter);
        ChannelReplay sessionless = new ChannelReplay(channels, inForce, candidate);
        long estimate = history.size() * 3;
        AtomicLong processed = new AtomicLong();
        DateSpan span = new DateSpan();
        history.replay(payload -> {
            comparison.feed(payload);
            if (payload instanceof EventRecorded e && shadows.isConversion(e)) {
                sessionless.sessionlessConversion(e);
                span.add(e.event().timestamp().atZone(ZoneOffset.UTC).toLocalDate());
            }
            tick(run, processed, estimate);
        });
        long total = processed.get() + 2L * comparison.replayed().size();
        String prefix = databaseName + "_dryrun_" + run.id.substring(0, 8);
        try (ShadowReadModels before = shadows.open(prefix + "_before", (l, r) -> channels.classify(l, r, inForce));
             ShadowReadModels after = shadows.open(prefix + "_after", (l, r) -> channels.classify(l, r, candidate))) {
            comparison.shadowEvents(IdentityComparison.Side.BEFORE, payload -> {
                before.feed(payload);
                tick(run, processed, total);
            });
            comparison.shadowEvents(IdentityComparison.Side.AFTER, payload -> {
                after.feed(payload);
                tick(run, processed, total);
            });
            run.progress(processed.get(), processed.get());
            LocalDate from = run.from != null ? run.from : span.first(clock);
            LocalDate to = run.to != null ? run.to : span.last(clock);
            BlendedReportView was = before.perChannelGroup(run.model, from, to);
            BlendedReportView would = after.perChannelGroup(run.model, from, to);
            PeopleDiff people = PeopleDiff.of(comparison);
            SessionCuts cuts = SessionCuts.of(comparison);
            run.done(new DryRunDiff(cuts.changed(), cuts.listed(), run.model.wireName(), from, to, would.currency(),
                    groups(was, would), sessionless.sessionlessOrdersChanged(), people.mergedProfiles(),
                    people.splitProfiles(), cuts.before(), cuts.after(), people.merged(), people.split(),
                    people.changes()), people.newlyBlockedGlue(), people.restatement());
        }
    }

    private static void tick(DryRun run, AtomicLong processed, long total) {
        long done = processed.incrementAndGet();
        if (done % 200 == 0) {
            run.progress(done, total);
        }
    }

    /** A browser event's landing as the intake classifies it: its page URL and referrer. */
    private TrafficSource landingOf(TrackedEvent event, ChannelRuleSet rules) {
        Map<String, Object> properties = event.properties() == null ? Map.of() : event.properties();
        Object url = properties.getOrDefault(PAGE_URL, properties.get("url"));
        Object referrer = properties.get("referrer");
        return channels.classify(url == null ? null : url.toString(), referrer == null ? null : referrer.toString(),
                rules);
    }

    /**
     * Channel rules: records them, then restates history under them (sessions by re-decision events, orders by a
     * rebuild). Identity rules: records them as the next version, which this node decides new tracked events with
     * once it is recorded; history is not re-decided.
     */
    private void restate(DryRun run) {
        Restated restated = run.channelRules == null ? new Restated(0, false) : restateChannels(run);
        if (run.identityRules != null) {
            Long version = ConflictRetry.retrying("recording dry-run " + run.id + "'s identity rules",
                    () -> commands.sendAndWait(new RecordIdentityRuleSet(RecordIdentityRuleSet.RULE_BOOK_ID,
                            run.identityRules, "dry-run:" + run.id)));
            run.identityRulesRecorded(version);
            long glued = run.newlyBlockedGlue().stream().mapToLong(alias -> commands.<IdentityOperationOutcome>sendAndWait(
                    new SplitGluedMerges(alias, BLOCKED_VALUE, "identity rules version " + version + " block it",
                            "dry-run:" + run.id))
                    .others().size()).sum();
            LiveRestatements.Counts live = new LiveRestatements(commands, "dry-run:" + run.id,
                    "identity rules version " + version).carryOut(run.restatement());
            run.restated(glued + live.split(), live.merged(), live.left());
            log.info("dry-run {} applied: identity rules version {}, {} profiles split off, {} merged, {} left as "
                    + "they are", run.id, version, glued + live.split(), live.merged(), live.left());
        }
        run.applied(restated.sessionsReclassified(), restated.attributionRebuilt());
    }

    private record Restated(long sessionsReclassified, boolean attributionRebuilt) {
    }

    private Restated restateChannels(DryRun run) {
        ChannelRuleSet previous = channels.inForce();
        ChannelRuleSet live = ruleBook.change(run.channelRules, "dry-run:" + run.id);
        run.rulesRecorded(live.version());
        ChannelReplay replay = new ChannelReplay(channels, previous, live);
        history.replay(payload -> {
            if (payload instanceof SessionStarted s) {
                replay.started(s);
            } else if (payload instanceof SessionReclassified r) {
                replay.reclassified(r);
            } else if (payload instanceof EventRecorded e && shadows.isConversion(e)) {
                replay.sessionlessConversion(e);
            }
        });
        long reclassified = replay.changed(true)
                .peek(s -> commands.sendAndWait(new ReclassifySession(s.sessionId(), s.candidate()))).count();
        boolean rebuild = replay.sessionlessOrdersChanged() > 0;
        if (rebuild) {
            projections.rebuild(ATTRIBUTION);
        }
        log.info("dry-run {} applied: channel rules version {}, {} sessions reclassified, attribution rebuilt: {}",
                run.id, live.version(), reclassified, rebuild);
        return new Restated(reclassified, rebuild);
    }

    private static List<GroupChange> groups(BlendedReportView was, BlendedReportView would) {
        Map<String, BigDecimal[]> byGroup = new TreeMap<>();
        add(byGroup, was, 0);
        add(byGroup, would, 2);
        return byGroup.entrySet().stream().map(e -> new GroupChange(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3])).toList();
    }

    private static void add(Map<String, BigDecimal[]> byGroup, BlendedReportView report, int side) {
        for (BlendedRow row : report.rows()) {
            BigDecimal[] values = byGroup.computeIfAbsent(String.valueOf(row.key().channelGroup()),
                    g -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            int orders = side == 0 ? 0 : 1;
            int revenue = side == 0 ? 2 : 3;
            values[orders] = values[orders].add(zeroIfNull(row.metrics().orders()));
            values[revenue] = values[revenue].add(zeroIfNull(row.metrics().revenue()));
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static void guarded(DryRun run, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("dry-run {} failed", run.id, e);
            run.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** The first and last day seen, for a report over everything when no range was asked for. */
    private static final class DateSpan {
        private LocalDate first;
        private LocalDate last;

        void add(LocalDate day) {
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }

        LocalDate first(Clock clock) {
            return first == null ? LocalDate.now(clock) : first;
        }

        LocalDate last(Clock clock) {
            return last == null ? LocalDate.now(clock) : last;
        }
    }
}
