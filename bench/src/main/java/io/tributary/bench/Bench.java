package io.tributary.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tributary.app.TributaryApplication;
import io.tributary.app.projection.ProjectionStatus;
import io.tributary.app.projection.Projections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the app in this JVM on the embedded store and drives it over HTTP with realistic shop traffic:
 * sustained batch ingest with latencies, the raw insertMany ceiling of the same store, the webhook at a fixed
 * rate, projection lag at 1,000 events/s, replay of each read model, and query latencies, at growing store sizes.
 */
public final class Bench {

    static final String ADMIN = "bench-admin";

    private final BenchOptions options;
    private final Report report = new Report();
    private ConfigurableApplicationContext app;
    private Http http;
    private String browserToken;
    private String serverToken;
    private final ShopTraffic traffic;
    private final LinkedBlockingQueue<Map<String, Object>> serverCopies = new LinkedBlockingQueue<>();
    private final AtomicLong stored = new AtomicLong();
    /** While filling to a level, visits happen over the past days rather than now, as a shop's history did. */
    private volatile boolean fillingHistory;
    private final Random historyClock;

    Bench(BenchOptions options) {
        this.options = options;
        this.traffic = new ShopTraffic(options.seed());
        this.historyClock = new Random(options.seed());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Bench bench = new Bench(BenchOptions.parse(args));
        try {
            bench.run();
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    /**
     * The smallest level is measured first, on a store that holds just that much; then the headline figures
     * (sustained ingest, raw ceiling, webhook), then the larger levels. The report is written after every step, so
     * an interrupted run keeps what it measured.
     */
    void run() throws Exception {
        start();
        report.line("Options: " + options);
        List<Long> levels = options.levels();
        growTo(levels.get(0));
        measureLevel(levels.get(0));
        save();
        sustainedIngest();
        rawCeiling();
        awaitAllCaughtUp();
        webhookAtRate();
        save();
        for (long level : levels.subList(1, levels.size())) {
            growTo(level);
            measureLevel(level);
            save();
        }
        System.out.println(report.markdown());
    }

    private void save() throws IOException {
        report.machine(Machine.peakHeapBytes(), Machine.peakRssKb());
        Path out = Path.of(options.out(), LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.markdown());
        System.out.println("Written to " + out);
    }

    private void start() {
        startApp();
        browserToken = (String) http.admin("POST", "/api/sources", Map.of("name", "bench web", "type", "browser")).json().get("token");
        serverToken = (String) http.admin("POST", "/api/sources", Map.of("name", "bench server", "type", "server")).json().get("token");
    }

    private void startApp() {
        app = new SpringApplicationBuilder(TributaryApplication.class).run("--server.port=0",
                "--tributary.embedded=" + options.store(), "--tributary.data-dir=" + options.dataDir(),
                "--tributary.admin-token=" + ADMIN, "--logging.level.root=warn", "--logging.level.io.tributary=warn",
                "--server.tomcat.threads.max=64");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort(), ADMIN);
    }

    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** Figure 1: accepted events/s through the batch API over the sustain period, with request latencies. */
    private void sustainedIngest() throws InterruptedException {
        IngestRun run = ingest(Duration.ofSeconds(options.sustainSeconds()), Long.MAX_VALUE);
        report.sustained(run);
        report.line(String.format("Sustained: %.0f accepted events/s", run.acceptedPerSecond()));
    }

    /** Figure 2: the same number of equivalent documents with plain insertMany, on the same store, in the same run. */
    /** The headline figures of one store at the first level, for {@link StoreComparison}. */
    record Headline(double startSeconds, long stored, double sustainedPerSecond, double p99Millis, double cpuSecondsPerThousand,
                    double ceilingPerSecond, long liveHeapBytes) {
    }

    Headline headline() throws Exception {
        double startSeconds = timedStart();
        growTo(options.levels().get(0));
        IngestRun run = ingest(Duration.ofSeconds(options.sustainSeconds()), Long.MAX_VALUE);
        report.sustained(run);
        double ceiling = rawCeiling();
        awaitAllCaughtUp();
        return new Headline(startSeconds, storedEvents(), run.acceptedPerSecond(), run.latencies().percentileMillis(99),
                run.cpuSecondsPerThousand(), ceiling, Machine.liveHeapBytesAfterGc());
    }

    /** Seconds from starting the app on the data directory until it answers. */
    double timedStart() {
        long begin = System.nanoTime();
        start();
        return (System.nanoTime() - begin) / 1e9;
    }

    private double rawCeiling() {
        MongoDatabase database = app.getBean(MongoDatabase.class);
        MongoCollection<Document> scratch = database.getCollection("bench_raw");
        long count = Math.max(10_000, report.sustainedAccepted());
        List<Document> batch = new ArrayList<>(1000);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            batch.add(RawDocuments.equivalentOf(i));
            if (batch.size() == 1000) {
                scratch.insertMany(batch);
                batch = new ArrayList<>(1000);
            }
        }
        if (!batch.isEmpty()) {
            scratch.insertMany(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        scratch.drop();
        report.ceiling(count / seconds);
        return count / seconds;
    }

    /** The single-event webhook at a fixed rate: server copies of orders and other server events. */
    private void webhookAtRate() throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        ScheduledLoad.run(options.webhookRate(), Duration.ofSeconds(options.webhookSeconds()), () -> {
            Map<String, Object> event = serverCopies.poll();
            if (event == null) {
                event = RawDocuments.serverEvent(System.nanoTime());
            }
            http.webhookAsync(serverToken, event).whenComplete((answer, failure) -> {
                if (failure != null || answer.status() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(answer.micros());
                    stored.incrementAndGet();
                }
            });
        });
        report.webhook(options.webhookRate(), latencies, errors.get());
    }

    private void growTo(long level) throws InterruptedException {
        long missing = level - storedEvents();
        if (missing > 0) {
            fillingHistory = true;
            IngestRun run = ingest(Duration.ofHours(2), missing);
            fillingHistory = false;
            report.line(String.format("Grew to %d stored events at %.0f accepted/s", storedEvents(), run.acceptedPerSecond()));
        }
        awaitAllCaughtUp();
    }

    /**
     * The burst's cost per event counts the CPU until every read model has handled the burst too, since the read
     * models run while events arrive.
     */
    private void measureLevel(long level) throws InterruptedException, IOException {
        long cpuBefore = Machine.cpuNanos();
        IngestRun burst = ingest(Duration.ofSeconds(options.burstSeconds()), Long.MAX_VALUE);
        awaitAllCaughtUp();
        double cpuPerThousand = (Machine.cpuNanos() - cpuBefore) / 1e9 / (burst.accepted() + burst.duplicates()) * 1000;
        Latencies lag = projectionLag();
        Map<String, String> replay = new java.util.LinkedHashMap<>();
        for (String name : app.getBean(Projections.class).names()) {
            replay.put(name, level <= options.replayUpTo() ? replay(name) : "not run (--replay-up-to)");
        }
        awaitAllCaughtUp();
        Map<String, Latencies> queries = Queries.measure(http, options.queryRepeats(), Duration.ofSeconds(options.querySeconds()),
                level <= options.exactUpTo());
        long heap = Machine.liveHeapBytesAfterGc();
        report.level(level, storedEvents(), burst, cpuPerThousand, lag, replay, queries, heap);
        if ("file".equals(options.store())) {
            restart(level, heap);
        }
    }

    /**
     * Issue 14's restart figures: the app stopped and started again on its data directory, in this JVM; the time
     * until it answers, then until the event log's newest page is served, and the heap after a full GC once started.
     */
    private void restart(long level, long heapBefore) throws IOException {
        stop();
        Machine.liveHeapBytesAfterGc();
        long begin = System.nanoTime();
        startApp();
        double ready = (System.nanoTime() - begin) / 1e9;
        Http.Answer firstPage = http.admin("GET", "/api/events?limit=50", null);
        double firstPageSeconds = (System.nanoTime() - begin) / 1e9;
        report.restart(level, storedEvents(), ready, firstPageSeconds, firstPage.status(), heapBefore,
                Machine.liveHeapBytesAfterGc(), Machine.directoryBytes(Path.of(options.dataDir())));
    }

    /** Closed-loop batch ingest with the configured concurrency, for a time or a number of events. */
    private IngestRun ingest(Duration duration, long events) throws InterruptedException {
        IngestRun run = new IngestRun();
        AtomicBoolean done = new AtomicBoolean();
        long cpuBefore = Machine.cpuNanos();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(options.concurrency());
        for (int w = 0; w < options.concurrency(); w++) {
            workers.submit(() -> {
                while (!done.get() && System.nanoTime() < deadline && run.accepted() + run.duplicates() < events) {
                    List<Map<String, Object>> batch = nextBatch();
                    Http.Answer answer = http.collect(browserToken, batch);
                    run.record(answer);
                    if (answer.status() == 200 && retry()) {
                        run.record(http.collect(browserToken, batch));
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration.toSeconds() + 7200, TimeUnit.SECONDS);
        done.set(true);
        run.finish(System.nanoTime() - start, Machine.cpuNanos() - cpuBefore);
        stored.addAndGet(run.accepted() + run.duplicates());
        return run;
    }

    private boolean retry() {
        synchronized (traffic) {
            return traffic.retry();
        }
    }

    private List<Map<String, Object>> nextBatch() {
        List<Map<String, Object>> batch = new ArrayList<>(options.batch());
        synchronized (traffic) {
            while (batch.size() < options.batch()) {
                ShopTraffic.Visit visit = traffic.nextVisit(visitTime());
                batch.addAll(visit.browserEvents());
                if (serverCopies.size() < 200_000) {
                    serverCopies.addAll(visit.serverEvents());
                }
            }
        }
        return batch;
    }

    /**
     * Now; while filling history, a moment in the last {@code history-days} days (so a repeat visitor's visits
     * need not come in time order).
     */
    private Instant visitTime() {
        Instant now = Instant.now();
        if (!fillingHistory || options.historyDays() == 0) {
            return now;
        }
        return now.minusSeconds((long) (historyClock.nextDouble() * options.historyDays() * 86_400));
    }

    /** Figure 3: time from acknowledgement until the event-log and sessions read models have handled the event. */
    private Latencies projectionLag() throws InterruptedException {
        Projections projections = app.getBean(Projections.class);
        EventStore eventStore = app.getBean(EventStore.class);
        Latencies lag = new Latencies();
        int batch = 10;
        int requestsPerSecond = options.lagRate() / batch;
        ExecutorService waiters = Executors.newFixedThreadPool(8);
        ScheduledLoad.run(requestsPerSecond, Duration.ofSeconds(options.lagSeconds()), () -> waiters.submit(() -> {
            List<Map<String, Object>> events;
            synchronized (traffic) {
                events = traffic.nextVisit(Instant.now()).browserEvents().subList(0, 1);
            }
            List<Map<String, Object>> request = new ArrayList<>();
            while (request.size() < batch) {
                request.addAll(events);
                synchronized (traffic) {
                    events = traffic.nextVisit(Instant.now()).browserEvents();
                }
            }
            http.collect(browserToken, request.subList(0, batch));
            long acked = System.nanoTime();
            long head = eventStore.createHeadToken().position().orElse(0);
            while (!handled(projections, head) && System.nanoTime() - acked < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(2);
            }
            lag.add((System.nanoTime() - acked) / 1000);
            return null;
        }));
        waiters.shutdown();
        waiters.awaitTermination(5, TimeUnit.MINUTES);
        return lag;
    }

    private static boolean handled(Projections projections, long head) {
        for (String name : List.of("event-log", "sessions")) {
            Long position = projections.status(name).position();
            if (position == null || position < head) {
                return false;
            }
        }
        return true;
    }

    /**
     * Figure 4: events/s when rebuilding one read model from the event store. A rebuild still running after the
     * time budget is measured by how far it got, and marked partial; it is let finish before the next measurement.
     */
    private String replay(String name) throws InterruptedException {
        EventStore eventStore = app.getBean(EventStore.class);
        long events = eventStore.createHeadToken().position().orElse(0);
        Projections projections = app.getBean(Projections.class);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.replaySeconds());
        projections.rebuild(name);
        Thread.sleep(50);
        ProjectionStatus status = projections.status(name);
        while (!"live".equals(status.status()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = projections.status(name);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if ("live".equals(status.status())) {
            return String.format("%,.0f", events / seconds);
        }
        long reached = status.position() == null ? 0 : status.position();
        awaitCaughtUp(List.of(name));
        return String.format("%,.0f (partial: %,d of %,d in %.0f s)", reached / seconds, reached, events, seconds);
    }

    private void awaitAllCaughtUp() throws InterruptedException {
        awaitCaughtUp(app.getBean(Projections.class).names());
    }

    /**
     * Waits until these read models are live and handled everything stored so far, so that each figure is taken
     * on a machine that is not still catching up; notes how long that took, or that it did not happen in time.
     */
    private void awaitCaughtUp(List<String> waitedFor) throws InterruptedException {
        Projections projections = app.getBean(Projections.class);
        long head = app.getBean(EventStore.class).createHeadToken().position().orElse(0);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(options.catchUpMinutes());
        while (System.nanoTime() < deadline) {
            boolean caughtUp = waitedFor.stream().map(projections::status)
                    .allMatch(s -> "live".equals(s.status()) && s.position() != null && s.position() >= head);
            if (caughtUp) {
                double seconds = (System.nanoTime() - start) / 1e9;
                if (seconds > 1) {
                    report.line(String.format("Read models %s caught up with %,d events in %.1f s", waitedFor.size() > 1 ? "(all)" : waitedFor, head, seconds));
                }
                return;
            }
            Thread.sleep(50);
        }
        report.line("Read models " + waitedFor + " had not caught up with " + head + " events after " + options.catchUpMinutes() + " min");
    }

    private long storedEvents() {
        return stored.get();
    }
}
