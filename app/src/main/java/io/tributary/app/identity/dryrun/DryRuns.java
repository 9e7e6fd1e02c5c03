package io.tributary.app.identity.dryrun;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.ingestion.EventRecorded;
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
 * Runs dry-runs of channel rules in the background, one at a time: a replay of every recorded event into two shadow
 * attribution read models (the rules in force, the candidate rules), then their diff. An apply records the candidate
 * rules as a new version, restates every session they classify differently with {@code SessionReclassified}, and
 * rebuilds attribution-conversions when orders without a session are classified differently. Dry-runs are kept in
 * memory: a restart forgets them (never the rules or events an apply recorded).
 */
@Component
public class DryRuns {

    private static final Logger log = LoggerFactory.getLogger(DryRuns.class);
    private static final String ATTRIBUTION = "attribution-conversions";

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
    private final String databaseName;
    private final Clock clock = Clock.systemUTC();

    DryRuns(EventHistory history, ChannelClassifier channels, ChannelRuleBookClient ruleBook, CommandGateway commands,
            Projections projections, ShadowFactory shadows, MongoDatabase database) {
        this.history = history;
        this.channels = channels;
        this.ruleBook = ruleBook;
        this.commands = commands;
        this.projections = projections;
        this.shadows = shadows;
        this.databaseName = database.getName();
    }

    DryRun start(DryRunRequest request, AttributionModel model) {
        DryRun run = new DryRun(UUID.randomUUID().toString(), request.channelRules(), model, request.from(),
                request.to(), clock.instant());
        runs.put(run.id, run);
        worker.submit(() -> guarded(run, () -> run.done(evaluate(run))));
        return run;
    }

    Optional<DryRun> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Starts a dry-run of candidate channel rules; answers its id. */
    public String start(List<ChannelRule> channelRules, AttributionModel model) {
        return start(new DryRunRequest(channelRules, model.wireName(), null, null, null, null, null, null), model).id;
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
                            ChannelReplay.channelOf(s.candidate())));
                }
            }).count();
            return new DryRunDiff(changed, sessions, run.model.wireName(), from, to, would.currency(),
                    groups(was, would), replay.sessionlessOrdersChanged(), List.of(), List.of());
        }
    }

    /** Records the rules, then restates history under them: sessions by re-decision events, orders by a rebuild. */
    private void restate(DryRun run) {
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
        run.applied(reclassified, rebuild);
        log.info("dry-run {} applied: channel rules version {}, {} sessions reclassified, attribution rebuilt: {}",
                run.id, live.version(), reclassified, rebuild);
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
