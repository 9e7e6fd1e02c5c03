package io.tributary.query.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a realistic domain event stream ({@link ShopStream}) through each projection the way a pooled streaming
 * processor does: the events the projection handles, in batches, each batch in one {@link BatchingUnitOfWork}
 * whose handler runs per event and which then commits. On the embedded store in memory (with its ordered indexes),
 * or on the file store with {@code --data-dir DIR}, client and server in this JVM. Not a unit test: run
 * {@code query-side/bench-projections.sh}.
 * <p>
 * With {@code --ref-classes DIR} (the script compiles a git ref's query-side there) it measures that code and this
 * tree's in the same run, alternating runs so that both see the same machine load, and compares them: events/s
 * (wall clock, so it depends on what else the machine is doing), CPU time per event (of the whole process: client,
 * embedded server and GC), and a digest of each projection's collections that must be equal when both leave the
 * same read models ({@code --ref-batch N} replays the ref's code in batches of N, to compare two processor settings
 * too). It also checks that a redelivered last batch changes nothing but what
 * {@link #CHANGED_ON_REDELIVERY} names. Writes {@code <out>/projections-<date>.md}.
 */
public final class ProjectionReplayBench {

    private static final Map<String, String> PROJECTIONS = new LinkedHashMap<>();
    /**
     * What a redelivered batch changes by design, which the redelivery check leaves out: an event log entry
     * redelivered after a merge is filed under the survivor (the profile filter resolves merges either way); data
     * quality numbers every batch, the redelivered one too, in its batch markers.
     */
    private static final String[] CHANGED_ON_REDELIVERY = {"eventlog.profileId", "quality_batch_open.seq",
            "quality_batch_open.records", "quality_batch_closed.seq"};

    static {
        PROJECTIONS.put("event-log", "io.tributary.query.eventlog.EventLogProjection");
        PROJECTIONS.put("profiles", "io.tributary.query.profile.ProfileProjection");
        PROJECTIONS.put("profile-history", "io.tributary.query.profile.ProfileHistoryProjection");
        PROJECTIONS.put("sessions", "io.tributary.query.session.SessionProjection");
        PROJECTIONS.put("sources", "io.tributary.query.source.SourceProjection");
        PROJECTIONS.put("data-quality", "io.tributary.query.quality.DataQualityProjection");
        PROJECTIONS.put("attribution-traffic", "io.tributary.query.attribution.TrafficProjection");
        PROJECTIONS.put("attribution-conversions", "io.tributary.query.attribution.ConversionProjection");
        PROJECTIONS.put("attribution-spend", "io.tributary.query.attribution.SpendProjection");
        PROJECTIONS.put("marketing-metrics", "io.tributary.query.marketing.MarketingMetricsProjection");
        PROJECTIONS.put("marketing-sources", "io.tributary.query.marketing.MarketingSourceProjection");
    }

    private final MongoClient client;
    private int databases;

    private ProjectionReplayBench(MongoClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "60000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "200"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        List<Code> codes = new ArrayList<>();
        if (options.containsKey("ref-classes")) {
            codes.add(new Code(options.getOrDefault("ref-label", "ref"), new ChildFirst(Path.of(options.get("ref-classes"))),
                    Integer.parseInt(options.getOrDefault("ref-batch", String.valueOf(batch)))));
        }
        codes.add(new Code(options.getOrDefault("label", "this tree"), ProjectionReplayBench.class.getClassLoader(), batch));
        String store = options.containsKey("data-dir") ? "file" : "memory";
        try (EmbeddedMongoServer server = options.containsKey("data-dir")
                ? EmbeddedMongoServer.file(Path.of(options.get("data-dir"))) : EmbeddedMongoServer.memory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            List<EventMessage<?>> stream = ShopStream.generate(42, events).stream()
                    .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
            System.out.printf("stream: %d domain events, batch %d, %d repeats%n", stream.size(), batch, repeats);
            ProjectionReplayBench bench = new ProjectionReplayBench(client);
            List<Comparison> comparisons = new ArrayList<>();
            for (var projection : PROJECTIONS.entrySet()) {
                if (!options.containsKey("only") || List.of(options.get("only").split(",")).contains(projection.getKey())) {
                    comparisons.add(bench.compare(projection.getKey(), projection.getValue(), codes, stream, repeats));
                }
            }
            Report report = new Report(codes, store, stream.size(), repeats, comparisons);
            System.out.println(report.markdown());
            report.write(out);
        }
    }

    /** Warms each code up, then alternates their runs; the last run of each is checked for its result. */
    private Comparison compare(String name, String className, List<Code> codes, List<EventMessage<?>> stream,
                               int repeats) throws ReflectiveOperationException {
        AnnotationEventHandlerAdapter probe = new AnnotationEventHandlerAdapter(create(codes.get(0), className));
        List<EventMessage<?>> handled = stream.stream().filter(probe::canHandle).toList();
        for (Code code : codes) {
            replay(create(code, className), handled.subList(0, Math.min(handled.size(), 10_000)), code.batch());
        }
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        Map<String, Object[]> last = new HashMap<>();
        for (int i = 0; i < repeats; i++) {
            for (Code code : codes) {
                MongoDatabase database = freshDatabase();
                Object projection = create(code, className, database);
                System.gc();
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                replay(projection, handled, code.batch());
                Run run = new Run((System.nanoTime() - start) / 1e9, (processCpuNanos() - cpu) / 1e9);
                runs.computeIfAbsent(code.label(), k -> new ArrayList<>()).add(run);
                last.put(code.label(), new Object[]{database, projection});
                System.out.printf(Locale.ROOT, "  %-16s %-12s run %d: %,d events in %.2f s (cpu %.2f s)%n", name,
                        code.label(), i + 1, handled.size(), run.seconds(), run.cpuSeconds());
            }
        }
        List<Result> results = new ArrayList<>();
        for (Code code : codes) {
            MongoDatabase database = (MongoDatabase) last.get(code.label())[0];
            String digest = Digest.of(database);
            String beforeRedelivery = Digest.of(database, CHANGED_ON_REDELIVERY);
            replay(last.get(code.label())[1], handled.subList(Math.max(0, handled.size() - code.batch()), handled.size()),
                    code.batch());
            boolean idempotent = beforeRedelivery.equals(Digest.of(database, CHANGED_ON_REDELIVERY));
            results.add(new Result(code.label(), Run.median(runs.get(code.label())), digest, idempotent));
        }
        return new Comparison(name, handled.size(), stream.size(), results);
    }

    /** As a pooled streaming processor does it: one unit of work per batch, the handler called per event. */
    private static void replay(Object projection, List<EventMessage<?>> events, int batchSize) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (int from = 0; from < events.size(); from += batchSize) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork =
                    new BatchingUnitOfWork<>(new ArrayList<>(events.subList(from, Math.min(events.size(), from + batchSize))));
            unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
            if (unitOfWork.isRolledBack()) {
                throw new IllegalStateException("batch rolled back: " + unitOfWork.getExecutionResults());
            }
        }
    }

    private Object create(Code code, String className) throws ReflectiveOperationException {
        return create(code, className, freshDatabase());
    }

    private static Object create(Code code, String className, MongoDatabase database) throws ReflectiveOperationException {
        return Projections.create(Class.forName(className, true, code.loader()), database);
    }

    private MongoDatabase freshDatabase() {
        return client.getDatabase("bench" + ++databases);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** A version of the query-side code: this tree's, or a git ref's compiled apart. */
    record Code(String label, ClassLoader loader, int batch) {
    }

    /** Loads {@code io.tributary.query} (but this harness) from a directory first, everything else as usual. */
    static final class ChildFirst extends URLClassLoader {

        ChildFirst(Path classes) throws IOException {
            super(new URL[]{classes.toUri().toURL()}, ProjectionReplayBench.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.tributary.query.") || name.startsWith("io.tributary.query.bench.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    record Run(double seconds, double cpuSeconds) {

        static Run median(List<Run> runs) {
            double[] wall = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
            double[] cpu = runs.stream().mapToDouble(Run::cpuSeconds).sorted().toArray();
            return new Run(wall[wall.length / 2], cpu[cpu.length / 2]);
        }
    }

    record Result(String label, Run median, String digest, boolean idempotent) {
    }

    record Comparison(String name, int handled, int stream, List<Result> results) {

        double perSecond(Result result) {
            return handled / result.median().seconds();
        }

        double cpuMicrosPerEvent(Result result) {
            return result.median().cpuSeconds() * 1e6 / handled;
        }
    }

    record Report(List<Code> codes, String store, int stream, int repeats, List<Comparison> comparisons) {

        String markdown() {
            List<String> labels = codes.stream().map(Code::label).toList();
            String batches = codes.stream().map(Code::batch).distinct().count() == 1 ? String.valueOf(codes.get(0).batch())
                    : String.join(" / ", codes.stream().map(code -> code.batch() + " (" + code.label() + ")").toList());
            StringBuilder md = new StringBuilder();
            md.append("## Projection replay: ").append(String.join(" vs ", labels)).append("\n\n")
                    .append(String.format(Locale.ROOT, "%,d domain events (ShopStream seed 42), batches of %s in one "
                                    + "BatchingUnitOfWork each, embedded %s backend in the same JVM, median of %d "
                                    + "alternating runs, Java %s, %d cores (shared: wall-clock figures depend on the "
                                    + "load; CPU per event less so).%n%n", stream, batches, store, repeats,
                            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
            md.append("| read model | events handled |");
            labels.forEach(l -> md.append(" ").append(l).append(" handled/s | ").append(l).append(" CPU µs/event |"));
            boolean compare = labels.size() > 1;
            md.append(compare ? " events/s ratio | CPU ratio | same read models |" : "")
                    .append(" redelivered batch changes nothing |\n|---|---:|")
                    .append("---:|---:|".repeat(labels.size())).append(compare ? "---:|---:|---|" : "").append("---|\n");
            for (Comparison c : comparisons) {
                md.append(String.format(Locale.ROOT, "| %s | %,d |", c.name(), c.handled()));
                c.results().forEach(r -> md.append(String.format(Locale.ROOT, " %,.0f | %.0f |", c.perSecond(r),
                        c.cpuMicrosPerEvent(r))));
                Result last = c.results().get(c.results().size() - 1);
                if (compare) {
                    Result first = c.results().get(0);
                    md.append(String.format(Locale.ROOT, " %.1f× | %.1f× | %s |", c.perSecond(last) / c.perSecond(first),
                            c.cpuMicrosPerEvent(first) / c.cpuMicrosPerEvent(last),
                            first.digest().equals(last.digest()) ? "yes (" + last.digest() + ")" : "NO"));
                }
                md.append(' ').append(c.results().stream().allMatch(Result::idempotent) ? "yes" : "NO").append(" |\n");
            }
            md.append(String.format(Locale.ROOT, "%nStream events/s (every domain event of the stream, handled or "
                    + "skipped, over the time of the handled ones) for %s:", labels.get(labels.size() - 1)));
            comparisons.forEach(c -> md.append(String.format(Locale.ROOT, " %s %,.0f;", c.name(),
                    c.stream() / c.results().get(c.results().size() - 1).median().seconds())));
            return md.append("\n").toString();
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Path md = dir.resolve("projections-" + LocalDate.now() + ".md");
            String previous = Files.exists(md) ? Files.readString(md) + "\n" : "# Projection replay figures\n\n";
            Files.writeString(md, previous + markdown());
            System.out.println("wrote " + md);
        }
    }
}
