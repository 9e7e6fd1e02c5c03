package io.tributary.query.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.tributary.query.eventlog.EventLogProjection;
import io.tributary.query.profile.ProfileHistoryProjection;
import io.tributary.query.profile.ProfileProjection;
import io.tributary.query.session.SessionProjection;
import io.tributary.query.source.SourceProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays a realistic domain event stream ({@link ShopStream}) through each projection the way a pooled streaming
 * processor does: the events the projection handles, in batches, each batch in one {@link BatchingUnitOfWork}
 * whose handlers run per event and which then commits. On the embedded memory backend, client and server in this
 * JVM. Prints events/s per projection and writes {@code <out>/projections-<date>.md} and a {@code .tsv} of the
 * figures; {@code --baseline <tsv>} adds the ratio to an earlier run (for example on main's code). It also prints a
 * digest of each projection's collections (field order aside), so two runs of different code can be compared for
 * identical results, and checks that a redelivered last batch changes nothing (but where the event log files a
 * redelivered entry under its survivor).
 * <p>
 * Not a unit test. Run with {@code query-side/bench-projections.sh [--events N] [--batch N] [--repeats N]
 * [--label NAME] [--baseline FILE] [--out DIR]}.
 */
public final class ProjectionReplayBench {

    private static final Map<String, Function<MongoDatabase, Object>> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("event-log", EventLogProjection::new);
        PROJECTIONS.put("profiles", ProfileProjection::new);
        PROJECTIONS.put("profile-history", ProfileHistoryProjection::new);
        PROJECTIONS.put("sessions", SessionProjection::new);
        PROJECTIONS.put("sources", SourceProjection::new);
    }

    /**
     * An event log entry redelivered after a merge is filed under the survivor, by design (the profile filter
     * resolves merges either way); the redelivery check leaves that field out.
     */
    private static final String REFILED_ON_REDELIVERY = "eventlog.profileId";

    private final MongoClient client;
    private final int batchSize;
    private int databases;

    private ProjectionReplayBench(MongoClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "60000"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "200"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
        String label = options.getOrDefault("label", "run");
        Path out = Path.of(options.getOrDefault("out", "bench/results"));
        MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            List<EventMessage<?>> stream = ShopStream.generate(42, events).stream()
                    .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
            System.out.printf("stream: %d domain events, batch %d, %d repeats, label %s%n", stream.size(), batch,
                    repeats, label);
            ProjectionReplayBench bench = new ProjectionReplayBench(client, batch);
            List<Result> results = new ArrayList<>();
            for (var projection : PROJECTIONS.entrySet()) {
                results.add(bench.measure(projection.getKey(), projection.getValue(), stream, repeats));
            }
            Map<String, Result> baseline = options.containsKey("baseline")
                    ? Result.read(Path.of(options.get("baseline"))) : Map.of();
            Report report = new Report(label, stream.size(), batch, repeats, results, baseline);
            System.out.println(report.markdown());
            report.write(out);
        } finally {
            server.shutdownNow();
        }
    }

    private Result measure(String name, Function<MongoDatabase, Object> factory, List<EventMessage<?>> stream,
                           int repeats) {
        AnnotationEventHandlerAdapter probe = new AnnotationEventHandlerAdapter(factory.apply(freshDatabase()));
        List<EventMessage<?>> handled = stream.stream().filter(probe::canHandle).toList();
        replay(factory.apply(freshDatabase()), handled.subList(0, Math.min(handled.size(), 10_000)));
        double[] seconds = new double[repeats];
        MongoDatabase database = null;
        Object projection = null;
        for (int i = 0; i < repeats; i++) {
            database = freshDatabase();
            projection = factory.apply(database);
            System.gc();
            long start = System.nanoTime();
            replay(projection, handled);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %-16s run %d: %,d events in %.2f s%n", name, i + 1, handled.size(), seconds[i]);
        }
        String digest = Digest.of(database);
        String beforeRedelivery = Digest.of(database, REFILED_ON_REDELIVERY);
        replay(projection, handled.subList(Math.max(0, handled.size() - batchSize), handled.size()));
        boolean idempotent = beforeRedelivery.equals(Digest.of(database, REFILED_ON_REDELIVERY));
        Arrays.sort(seconds);
        return new Result(name, handled.size(), stream.size(), seconds[repeats / 2], digest, idempotent);
    }

    /** As a pooled streaming processor does it: one unit of work per batch, the handler called per event. */
    private void replay(Object projection, List<EventMessage<?>> events) {
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

    private MongoDatabase freshDatabase() {
        return client.getDatabase("bench" + ++databases);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    record Result(String name, int handled, int stream, double seconds, String digest, boolean idempotent) {

        double handledPerSecond() {
            return handled / seconds;
        }

        double streamPerSecond() {
            return stream / seconds;
        }

        String tsv() {
            return String.join("\t", name, String.valueOf(handled), String.valueOf(stream),
                    String.format(Locale.ROOT, "%.4f", seconds), digest, String.valueOf(idempotent));
        }

        static Map<String, Result> read(Path tsv) throws IOException {
            Map<String, Result> results = new LinkedHashMap<>();
            for (String line : Files.readAllLines(tsv)) {
                String[] f = line.split("\t");
                results.put(f[0], new Result(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Double.parseDouble(f[3]), f[4], Boolean.parseBoolean(f[5])));
            }
            return results;
        }
    }

    record Report(String label, int stream, int batch, int repeats, List<Result> results, Map<String, Result> baseline) {

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("## Projection replay: ").append(label).append("\n\n")
                    .append(String.format(Locale.ROOT, "%,d domain events (ShopStream seed 42), batches of %d in one "
                            + "BatchingUnitOfWork each, embedded memory backend, median of %d runs, %s, %d cores.%n%n",
                            stream, batch, repeats, System.getProperty("java.version"),
                            Runtime.getRuntime().availableProcessors()));
            boolean compare = !baseline.isEmpty();
            md.append("| read model | events handled | handled/s | stream events/s |")
                    .append(compare ? " before handled/s | ratio | same result as before |" : "")
                    .append(" redelivered batch changes nothing | digest |\n")
                    .append("|---|---:|---:|---:|").append(compare ? "---:|---:|---|" : "").append("---|---|\n");
            for (Result r : results) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f |", r.name(), r.handled(),
                        r.handledPerSecond(), r.streamPerSecond()));
                Result before = baseline.get(r.name());
                if (compare && before != null) {
                    md.append(String.format(Locale.ROOT, " %,.0f | %.1f× | %s |", before.handledPerSecond(),
                            r.handledPerSecond() / before.handledPerSecond(), before.digest().equals(r.digest()) ? "yes" : "NO"));
                } else if (compare) {
                    md.append(" – | – | – |");
                }
                md.append(' ').append(r.idempotent() ? "yes" : "NO").append(" | ").append(r.digest()).append(" |\n");
            }
            return md.toString();
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            String stem = "projections-" + LocalDate.now();
            Files.write(dir.resolve(stem + "-" + label + ".tsv"), results.stream().map(Result::tsv).toList());
            Path md = dir.resolve(stem + ".md");
            String previous = Files.exists(md) ? Files.readString(md) + "\n" : "";
            Files.writeString(md, previous + markdown(), StandardCharsets.UTF_8);
            System.out.println("wrote " + md + " and " + stem + "-" + label + ".tsv");
        }
    }
}
