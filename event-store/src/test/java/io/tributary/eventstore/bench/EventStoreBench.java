package io.tributary.eventstore.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.embedded.EmbeddedMongoServer;
import io.tributary.eventstore.SequencedMongoEventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Compares {@link SequencedMongoEventStorageEngine} with axon-mongo's {@link MongoEventStorageEngine} on the embedded
 * store (mongo-java-server in memory, with Tributary's ordered indexes), in one JVM, in the same run. Not a test: run it with
 * <pre>
 * mvn -q -pl event-store test-compile exec:java
 * </pre>
 * (the module's pom names this class as {@code exec.mainClass}, on the test classpath). It prints a markdown report
 * and writes it to {@code bench/results/event-store-<date>.md} under the repository root (or the directory given as
 * the first argument). It stays under three minutes: tail reads are capped and time-boxed.
 * <p>
 * Per engine, on a fresh server: append 100,000 events in units of work of 100 (5 new aggregates x 20 events, a
 * ~450-byte JSON payload each), and at 10,000 and 100,000 stored events measure: the append rate, the rate of reading
 * from the tail (payloads deserialized), the latency of one tracking fetch of 1,000 events just behind the head, an
 * idle poll at the head, loading one aggregate's 20 events, and the rate of 1,000 single-event appends. After a
 * warm-up, every engine is measured twice (the second pass in reverse order) and the better pass counts.
 */
public final class EventStoreBench {

    private static final int UNIT_OF_WORK = 100;
    private static final int AGGREGATES_PER_UNIT = 5;
    private static final int[] CHECKPOINTS = {10_000, 100_000};
    private static final int FETCH = 1_000;
    /** Rates are the median over slices of this many events, so that one GC pause or a neighbour's burst of CPU
     *  does not decide a figure. */
    private static final int SLICE = 1_000;
    private static final int SINGLES = 1_000;
    private static final int SLICE_OF_SINGLES = 200;
    private static final int TAIL_READ_CAP = 20_000;
    private static final long TAIL_READ_BUDGET_NANOS = 4_000_000_000L;
    private static final int FETCH_REPETITIONS = 7;
    private static final long FETCH_BUDGET_NANOS = 3_000_000_000L;
    private static final int AGGREGATE_REPETITIONS = 31;

    private static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    /** A tracked customer event as the app records it (about 450 bytes of JSON). */
    public record EventRecorded(String sessionId, String eventId, String eventName, Map<String, String> properties,
                                List<String> aliases, long occurredAt) {
    }

    enum Variant {
        AXON_MONGO("axon-mongo 4.12 MongoEventStorageEngine"),
        SEQUENCED_BINARY("SequencedMongoEventStorageEngine, payload as BSON binary"),
        SEQUENCED_STRING("SequencedMongoEventStorageEngine, payload as string");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    /** What one engine measured at one store size. */
    record Checkpoint(int stored, double appendPerSecond, double singleAppendPerSecond, double tailReadPerSecond,
                      int tailEventsRead, double fetchMillis, int fetchSamples, double pollMillis,
                      double aggregateMillis) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,7d stored: append %,7.0f/s  single %,6.0f/s  tail read %,7.0f/s "
                                         + "(%,d read)  fetch %,7.1f ms (%d samples)  idle poll %,6.2f ms  "
                                         + "aggregate %,6.2f ms",
                                 stored, appendPerSecond, singleAppendPerSecond, tailReadPerSecond, tailEventsRead,
                                 fetchMillis, fetchSamples, pollMillis, aggregateMillis);
        }
    }

    public static void main(String[] args) {
        Path resultsDirectory = args.length > 0 ? Path.of(args[0]) : defaultResultsDirectory();
        long started = System.nanoTime();
        System.out.println("Warming up ...");
        for (Variant variant : Variant.values()) {
            run(variant, new int[]{5_000}, Budget.WARM_UP);
        }
        Map<Variant, List<List<Checkpoint>>> passes = new LinkedHashMap<>();
        List<Variant> order = new ArrayList<>(List.of(Variant.values()));
        for (int pass = 1; pass <= 2; pass++) {
            for (Variant variant : order) {
                System.out.println("Pass " + pass + ": measuring " + variant.label + " ...");
                List<Checkpoint> figures = run(variant, CHECKPOINTS, Budget.MEASURE);
                figures.forEach(figure -> System.out.printf(Locale.ROOT, "  %s%n", figure));
                passes.computeIfAbsent(variant, v -> new ArrayList<>()).add(figures);
            }
            Collections.reverse(order);
        }
        Map<Variant, List<Checkpoint>> best = new LinkedHashMap<>();
        for (Variant variant : Variant.values()) {
            best.put(variant, bestOf(passes.get(variant)));
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String report = report(best, passes, minutes);
        System.out.println(report);
        write(resultsDirectory.resolve("event-store-" + LocalDate.now() + ".md"), report);
    }

    /** Limits of one run: the warm-up only has to exercise the code paths. */
    enum Budget {
        WARM_UP(5_000, 2_000_000_000L, 2, 5),
        MEASURE(TAIL_READ_CAP, TAIL_READ_BUDGET_NANOS, FETCH_REPETITIONS, AGGREGATE_REPETITIONS);

        final int tailReadCap;
        final long tailReadNanos;
        final int fetchRepetitions;
        final int aggregateRepetitions;

        Budget(int tailReadCap, long tailReadNanos, int fetchRepetitions, int aggregateRepetitions) {
            this.tailReadCap = tailReadCap;
            this.tailReadNanos = tailReadNanos;
            this.fetchRepetitions = fetchRepetitions;
            this.aggregateRepetitions = aggregateRepetitions;
        }
    }

    /** Per store size and metric, the better of the passes (the higher rate, the lower latency). */
    private static List<Checkpoint> bestOf(List<List<Checkpoint>> passes) {
        List<Checkpoint> best = new ArrayList<>();
        for (int i = 0; i < passes.get(0).size(); i++) {
            int index = i;
            List<Checkpoint> candidates = passes.stream().map(pass -> pass.get(index)).toList();
            best.add(new Checkpoint(
                    candidates.get(0).stored(),
                    candidates.stream().mapToDouble(Checkpoint::appendPerSecond).max().orElseThrow(),
                    candidates.stream().mapToDouble(Checkpoint::singleAppendPerSecond).max().orElseThrow(),
                    candidates.stream().mapToDouble(Checkpoint::tailReadPerSecond).max().orElseThrow(),
                    candidates.stream().mapToInt(Checkpoint::tailEventsRead).max().orElseThrow(),
                    candidates.stream().mapToDouble(Checkpoint::fetchMillis).min().orElseThrow(),
                    candidates.stream().mapToInt(Checkpoint::fetchSamples).min().orElseThrow(),
                    candidates.stream().mapToDouble(Checkpoint::pollMillis).min().orElseThrow(),
                    candidates.stream().mapToDouble(Checkpoint::aggregateMillis).min().orElseThrow()));
        }
        return best;
    }

    private static List<Checkpoint> run(Variant variant, int[] checkpoints, Budget budget) {
        List<Checkpoint> figures = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.memory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            EventStorageEngine engine = engine(variant, client);
            Workload workload = new Workload();
            for (int checkpoint : checkpoints) {
                Instant markBeforeLastFetch = null;
                List<Double> appendRates = new ArrayList<>();
                long sliceStart = System.nanoTime();
                while (workload.appended < checkpoint) {
                    if (workload.appended == checkpoint - FETCH) {
                        markBeforeLastFetch = Instant.now();
                    }
                    engine.appendEvents(workload.nextUnitOfWork());
                    if (workload.appended % SLICE == 0) {
                        appendRates.add(SLICE / seconds(System.nanoTime() - sliceStart));
                        sliceStart = System.nanoTime();
                    }
                }
                double appendRate = median(appendRates);

                int[] tailRead = new int[1];
                double tailRate = readFromTail(engine, budget, tailRead);
                TrackingToken mark = engine.createTokenAt(markBeforeLastFetch);
                double[] fetch = fetchLatency(engine, mark, budget);
                TrackingToken head = engine.createHeadToken();
                double poll = median(repeat(budget.fetchRepetitions, () -> timeMillis(
                        () -> engine.readEvents(head, false).count())));
                Random random = new Random(checkpoint);
                double aggregate = median(repeat(budget.aggregateRepetitions, () -> {
                    String aggregateId = workload.aggregates.get(random.nextInt(workload.aggregates.size()));
                    return timeMillis(() -> engine.readEvents(aggregateId).asStream()
                                                  .forEach(DomainEventMessage::getPayload));
                }));
                double singleRate = appendSingles(engine, workload);
                figures.add(new Checkpoint(checkpoint, appendRate, singleRate, tailRate, tailRead[0], fetch[0],
                                           (int) fetch[1], poll, aggregate));
            }
        }
        return figures;
    }

    private static EventStorageEngine engine(Variant variant, MongoClient client) {
        return switch (variant) {
            case AXON_MONGO -> {
                MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                        .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "bench").build())
                        .eventSerializer(SERIALIZER)
                        .snapshotSerializer(SERIALIZER)
                        .batchSize(FETCH)
                        .build();
                engine.ensureIndexes();
                yield engine;
            }
            case SEQUENCED_BINARY, SEQUENCED_STRING -> {
                SequencedMongoEventStorageEngine engine = SequencedMongoEventStorageEngine.builder()
                        .database(client.getDatabase("bench"))
                        .eventSerializer(SERIALIZER)
                        .snapshotSerializer(SERIALIZER)
                        .batchSize(FETCH)
                        .dataType(variant == Variant.SEQUENCED_STRING ? String.class : byte[].class)
                        .build();
                engine.ensureIndexes();
                yield engine;
            }
        };
    }

    /** Events per second appended one per unit of work (a command creating an aggregate), median over slices. */
    private static double appendSingles(EventStorageEngine engine, Workload workload) {
        List<Double> rates = new ArrayList<>();
        for (int slice = 0; slice < SINGLES / SLICE_OF_SINGLES; slice++) {
            long start = System.nanoTime();
            for (int i = 0; i < SLICE_OF_SINGLES; i++) {
                engine.appendEvents(workload.nextSingleEvent());
            }
            rates.add(SLICE_OF_SINGLES / seconds(System.nanoTime() - start));
        }
        return median(rates);
    }

    /** Events per second read from the tail with payloads deserialized; capped in count and time. */
    private static double readFromTail(EventStorageEngine engine, Budget budget, int[] eventsRead) {
        long start = System.nanoTime();
        long sliceStart = start;
        List<Double> rates = new ArrayList<>();
        int read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (read < budget.tailReadCap && System.nanoTime() - start < budget.tailReadNanos
                    && events.hasNext()) {
                events.next().getPayload();
                read++;
                if (read % SLICE == 0) {
                    rates.add(SLICE / seconds(System.nanoTime() - sliceStart));
                    sliceStart = System.nanoTime();
                }
            }
        }
        eventsRead[0] = read;
        return rates.isEmpty() ? read / seconds(System.nanoTime() - start) : median(rates);
    }

    /** The median time to read the 1,000 events just behind the head from a token (one fetch), and the samples. */
    private static double[] fetchLatency(EventStorageEngine engine, TrackingToken mark, Budget budget) {
        List<Double> samples = new ArrayList<>();
        long start = System.nanoTime();
        while (samples.size() < budget.fetchRepetitions
                && (samples.size() < 2 || System.nanoTime() - start < FETCH_BUDGET_NANOS)) {
            samples.add(timeMillis(() -> {
                try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(mark, false)) {
                    long read = stream.limit(FETCH).peek(EventMessage::getPayload).count();
                    if (read < FETCH * 9 / 10) {
                        throw new IllegalStateException("a fetch behind the head read only " + read + " events");
                    }
                }
            }));
        }
        return new double[]{median(samples), samples.size()};
    }

    private static String report(Map<Variant, List<Checkpoint>> results, Map<Variant, List<List<Checkpoint>>> passes,
                                 double minutes) {
        List<Checkpoint> axon = results.get(Variant.AXON_MONGO);
        StringBuilder out = new StringBuilder();
        out.append("# Event store benchmark: SequencedMongoEventStorageEngine vs axon-mongo\n\n");
        out.append(String.format(Locale.ROOT,
                                 "Run %s on %d cores, Java %s, max heap %,d MiB; embedded mongo-java-server 1.47 "
                                         + "(memory, with ordered indexes; client and server in one JVM); took %.1f min.%n%n",
                                 LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                                 System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, minutes));
        out.append("Units of work of 100 events (5 new aggregates x 20 events, ~450-byte JSON payload, Jackson). "
                           + "After a warm-up of every engine, each engine is measured twice on a fresh server, the "
                           + "second pass in reverse order; the tables show the better pass per figure (raw passes "
                           + "at the end). Ratios compare each engine with axon-mongo measured in the same run: for "
                           + "rates `engine / axon-mongo`, for latencies `axon-mongo / engine` (so > 1 is better in "
                           + "both). Other jobs may share the machine: read the ratios, not the absolute numbers."
                           + "\n\n");
        out.append("Legend: *append* = events/s appended (one `appendEvents` per unit of work; median over slices "
                           + "of 1,000 events); *units of 1 event* = 1,000 single-event appends after the other "
                           + "measurements (a command creating an aggregate; median over slices of 200); *tail read* = events/s read from an empty token, payloads "
                           + "deserialized (median over slices of 1,000 events, first ")
           .append(String.format(Locale.ROOT, "%,d", TAIL_READ_CAP))
           .append(" events or 4 s); *fetch* = median ms to read the 1,000 events just behind the head from a "
                           + "token (one batch); *idle poll* = median ms of a read at the head that finds nothing; "
                           + "*aggregate load* = median ms to read one aggregate's 20 events.\n\n");
        for (int i = 0; i < CHECKPOINTS.length; i++) {
            out.append(String.format(Locale.ROOT, "## %,d stored events%n%n", CHECKPOINTS[i]));
            out.append("| metric | ").append(Variant.AXON_MONGO.label);
            for (Variant variant : List.of(Variant.SEQUENCED_BINARY, Variant.SEQUENCED_STRING)) {
                out.append(" | ").append(variant.label).append(" | ratio");
            }
            out.append(" |\n|---|---|---|---|---|---|\n");
            int index = i;
            row(out, "append (events/s)", axon.get(i).appendPerSecond(), results, index,
                Checkpoint::appendPerSecond, true, "%,.0f");
            row(out, "append, units of 1 event (events/s)", axon.get(i).singleAppendPerSecond(), results, index,
                Checkpoint::singleAppendPerSecond, true, "%,.0f");
            row(out, "tail read (events/s)", axon.get(i).tailReadPerSecond(), results, index,
                Checkpoint::tailReadPerSecond, true, "%,.0f");
            row(out, "fetch of 1,000 behind head (ms)", axon.get(i).fetchMillis(), results, index,
                Checkpoint::fetchMillis, false, "%,.1f");
            row(out, "idle poll at head (ms)", axon.get(i).pollMillis(), results, index,
                Checkpoint::pollMillis, false, "%,.2f");
            row(out, "aggregate load, 20 events (ms)", axon.get(i).aggregateMillis(), results, index,
                Checkpoint::aggregateMillis, false, "%,.2f");
            out.append(String.format(Locale.ROOT, "%nTail read covered %,d events for axon-mongo and %,d / %,d for "
                                             + "the sequenced engine; axon-mongo's fetch median is over %d samples.%n%n",
                                     axon.get(i).tailEventsRead(),
                                     results.get(Variant.SEQUENCED_BINARY).get(i).tailEventsRead(),
                                     results.get(Variant.SEQUENCED_STRING).get(i).tailEventsRead(),
                                     axon.get(i).fetchSamples()));
        }
        out.append("## Growth from 10,000 to 100,000 stored events (value at 100k / value at 10k)\n\n");
        out.append("| metric | ").append(Variant.AXON_MONGO.label).append(" | ")
           .append(Variant.SEQUENCED_BINARY.label).append(" | ").append(Variant.SEQUENCED_STRING.label)
           .append(" |\n|---|---|---|---|\n");
        growth(out, "append rate", results, Checkpoint::appendPerSecond);
        growth(out, "append rate, units of 1", results, Checkpoint::singleAppendPerSecond);
        growth(out, "tail read rate", results, Checkpoint::tailReadPerSecond);
        growth(out, "fetch latency", results, Checkpoint::fetchMillis);
        growth(out, "idle poll latency", results, Checkpoint::pollMillis);
        growth(out, "aggregate load latency", results, Checkpoint::aggregateMillis);
        out.append("\n## Raw passes\n\n```\n");
        passes.forEach((variant, runs) -> {
            for (int pass = 0; pass < runs.size(); pass++) {
                for (Checkpoint figure : runs.get(pass)) {
                    out.append(String.format(Locale.ROOT, "%-17s pass %d  %s%n", variant, pass + 1, figure));
                }
            }
        });
        out.append("```\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String metric, double axonValue, Map<Variant, List<Checkpoint>> results,
                            int index, Function<Checkpoint, Double> value, boolean higherIsBetter, String format) {
        out.append("| ").append(metric).append(" | ").append(String.format(Locale.ROOT, format, axonValue));
        for (Variant variant : List.of(Variant.SEQUENCED_BINARY, Variant.SEQUENCED_STRING)) {
            double ours = value.apply(results.get(variant).get(index));
            double ratio = higherIsBetter ? ours / axonValue : axonValue / ours;
            out.append(" | ").append(String.format(Locale.ROOT, format, ours))
               .append(" | ").append(String.format(Locale.ROOT, "**%.1fx**", ratio));
        }
        out.append(" |\n");
    }

    private static void growth(StringBuilder out, String metric, Map<Variant, List<Checkpoint>> results,
                               Function<Checkpoint, Double> value) {
        out.append("| ").append(metric);
        for (Variant variant : Variant.values()) {
            List<Checkpoint> figures = results.get(variant);
            out.append(" | ").append(String.format(Locale.ROOT, "%.2f",
                                                   value.apply(figures.get(1)) / value.apply(figures.get(0))));
        }
        out.append(" |\n");
    }

    /** Appends fresh aggregates: each unit of work holds 20 events of each of 5 new sessions. */
    private static final class Workload {

        private static final List<String> NAMES = List.of("Viewed Product", "Added To Cart", "Started Checkout",
                                                          "Added Payment Info", "Placed Order", "$page_load");
        private final List<String> aggregates = new ArrayList<>();
        private int appended;

        EventMessage<?> nextSingleEvent() {
            String sessionId = "single-" + appended;
            EventMessage<?> event = new GenericDomainEventMessage<>("Session", sessionId, 0, payload(sessionId, 0),
                                                                    MetaData.with("traceId", "trace-" + appended));
            appended++;
            return event;
        }

        List<EventMessage<?>> nextUnitOfWork() {
            List<EventMessage<?>> events = new ArrayList<>(UNIT_OF_WORK);
            int perAggregate = UNIT_OF_WORK / AGGREGATES_PER_UNIT;
            for (int a = 0; a < AGGREGATES_PER_UNIT; a++) {
                String sessionId = "session-" + aggregates.size();
                aggregates.add(sessionId);
                for (int sequence = 0; sequence < perAggregate; sequence++) {
                    events.add(new GenericDomainEventMessage<>("Session", sessionId, sequence,
                                                               payload(sessionId, sequence),
                                                               MetaData.with("traceId", "trace-" + appended)
                                                                       .and("correlationId", sessionId)));
                    appended++;
                }
            }
            return events;
        }

        private EventRecorded payload(String sessionId, int sequence) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("sku", "SKU-" + (appended % 977));
            properties.put("price", String.valueOf(10 + appended % 90) + ".99");
            properties.put("currency", "EUR");
            properties.put("url", "https://shop.example.com/products/" + (appended % 977)
                    + "?utm_source=google&utm_medium=cpc&utm_campaign=autumn");
            properties.put("referrer", "https://www.google.com/");
            return new EventRecorded(sessionId, "evt-" + appended, NAMES.get(sequence % NAMES.size()), properties,
                                     List.of("urn:cookie:" + sessionId, "urn:email:customer" + appended % 5000
                                             + "@example.com"), 1_700_000_000_000L + appended);
        }
    }

    // ----------------------------------------------------------------------------------------------- support

    private interface Timed {
        void run() throws Exception;
    }

    private static double timeMillis(Timed action) {
        long start = System.nanoTime();
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<Double> repeat(int times, java.util.function.Supplier<Double> sample) {
        List<Double> samples = new ArrayList<>(times);
        for (int i = 0; i < times; i++) {
            samples.add(sample.get());
        }
        return samples;
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** {@code bench/results} in the repository root, found from the working directory (root or module). */
    private static Path defaultResultsDirectory() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("event-store")) ? here : here.getParent();
        return root.resolve("bench").resolve("results");
    }

    private static void write(Path file, String report) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println("Written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EventStoreBench() {
    }
}
