package io.tributary.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.tributary.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The embedded store's query shapes with and without ordered indexes, in one run: fills the event log, data quality
 * and conversion collections the way the read side shapes them (history spread over 90 days), creates the indexes
 * the repositories create, and times the queries behind the event log, data quality and blended report endpoints
 * directly against the store (no HTTP, no app). Writes bench/results/embedded-index-<date>.md.
 * <pre>java -Xmx10g -cp … io.tributary.bench.EmbeddedIndexBench [sizes=100000,1000000] [h2Sizes=100000]</pre>
 */
public final class EmbeddedIndexBench {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final int DAYS = 90;
    private static final List<String> SOURCES = List.of("web", "shopify", "woo", "segment", "server");
    private static final List<String> NAMES = List.of("Page Viewed", "Product Viewed", "Added to Cart",
            "Checkout Started", "Placed Order", "Signed Up");
    private static final int[] NAME_WEIGHTS = {60, 20, 8, 5, 4, 3};
    private static final int SAMPLES = 30;
    private static final Duration BUDGET = Duration.ofSeconds(25);
    private static final Bson NEWEST_FIRST = Indexes.descending("receivedAt", "_id");

    private EmbeddedIndexBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        List<Integer> sizes = ints(options.getOrDefault("sizes", "100000,1000000"));
        List<Integer> h2Sizes = ints(options.getOrDefault("h2Sizes", "100000"));
        StringBuilder report = new StringBuilder();
        report.append("# Embedded store: queries with and without ordered indexes (").append(LocalDate.now(ZoneOffset.UTC))
                .append(")\n\n");
        report.append("Run by `io.tributary.bench.EmbeddedIndexBench` (").append(String.join(" ", args))
                .append("), JVM max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, **shared with another developer's builds"
                        + " during the run** (figures are noisy; compare the columns of one table, which ran minutes apart).\n\n");
        report.append("Each query runs through mongodb-driver-sync against mongo-java-server 1.47.0 in the same process; "
                + "history is spread evenly over 90 days, so 'last 7 days' holds ~7.8% of the documents and one day ~1.1%. "
                + "p50/p95 over up to ").append(SAMPLES).append(" runs (at least 5, after 2 warm-up runs), in ms.\n");
        for (int size : sizes) {
            report.append(compare("memory", size, EmbeddedMongoServer::unindexedMemory, EmbeddedMongoServer::memory));
            if (h2Sizes.contains(size)) {
                report.append(compare("H2 file", size, () -> h2(false), () -> h2(true)));
            }
        }
        System.out.println(report);
        Path out = Path.of("bench/results/embedded-index-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("Written to " + out);
    }

    private static EmbeddedMongoServer h2(boolean indexed) {
        try {
            Path dir = Files.createTempDirectory("embedded-index-bench");
            dir.resolve(EmbeddedMongoServer.FILE_NAME).toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return indexed ? EmbeddedMongoServer.file(dir) : EmbeddedMongoServer.unindexedFile(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String compare(String kind, int size, Supplier<EmbeddedMongoServer> plain,
                                  Supplier<EmbeddedMongoServer> indexed) {
        Run without = run(kind + " without ordered indexes", size, plain.get());
        Run with = run(kind + " with ordered indexes", size, indexed.get());
        StringBuilder table = new StringBuilder();
        table.append("\n## ").append(kind).append(", ").append(String.format("%,d", size)).append(" stored events\n\n");
        table.append(String.format("Fill: %,d events + %,d quality facts + %,d conversions: %.1f s without, %.1f s with. "
                        + "Heap after fill: %,d MB without, %,d MB with.%n%n", size, size, with.conversions,
                without.fillSeconds, with.fillSeconds, without.heapMb, with.heapMb));
        table.append("| query | rows | without p50 | without p95 | with p50 | with p95 | p95 ratio |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        without.latencies.forEach((shape, before) -> {
            Latencies after = with.latencies.get(shape);
            double ratio = before.percentileMillis(95) / Math.max(0.001, after.percentileMillis(95));
            table.append(String.format("| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f× |%n", shape, with.rows.get(shape),
                    before.percentileMillis(50), before.percentileMillis(95), after.percentileMillis(50),
                    after.percentileMillis(95), ratio));
        });
        System.out.print(table);
        return table.toString();
    }

    private record Run(double fillSeconds, long heapMb, int conversions, Map<String, Latencies> latencies,
                       Map<String, Integer> rows) {
    }

    private static Run run(String label, int size, EmbeddedMongoServer server) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("bench");
            long heapBefore = usedHeapMb();
            long start = System.nanoTime();
            int conversions = fill(db, size);
            double fillSeconds = (System.nanoTime() - start) / 1e9;
            long heapMb = usedHeapMb() - heapBefore;
            System.out.printf("%s: filled %,d in %.1f s, heap +%,d MB%n", label, size, fillSeconds, heapMb);
            Map<String, Latencies> latencies = new LinkedHashMap<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            shapes(db).forEach((shape, query) -> {
                Latencies l = new Latencies();
                int found = 0;
                for (int i = 0; i < 2; i++) {
                    found = query.apply(null);
                }
                long stop = System.nanoTime() + BUDGET.toNanos();
                for (int i = 0; i < SAMPLES && (i < 5 || System.nanoTime() < stop); i++) {
                    long t = System.nanoTime();
                    query.apply(null);
                    l.add((System.nanoTime() - t) / 1000);
                }
                latencies.put(shape, l);
                rows.put(shape, found);
                System.out.printf("  %-48s rows %,8d  p50 %8.1f ms  p95 %8.1f ms%n", shape, found, l.percentileMillis(50),
                        l.percentileMillis(95));
            });
            return new Run(fillSeconds, heapMb, conversions, latencies, rows);
        }
    }

    /** Each shape returns the number of documents it read. */
    private static Map<String, Function<Void, Integer>> shapes(MongoDatabase db) {
        MongoCollection<Document> log = db.getCollection("eventlog");
        MongoCollection<Document> facts = db.getCollection("quality_facts");
        MongoCollection<Document> days = db.getCollection("attribution_conversion_days");
        MongoCollection<Document> conversions = db.getCollection("attribution_conversions");
        Map<String, Function<Void, Integer>> shapes = new LinkedHashMap<>();
        shapes.put("event log, newest 50", v -> count(log.find().sort(NEWEST_FIRST).limit(50).batchSize(500)));
        shapes.put("event log, by event name, newest 50", v -> count(log.find(Filters.eq("eventName", "Placed Order"))
                .sort(NEWEST_FIRST).limit(50).batchSize(500)));
        shapes.put("event log, page 2 (cursor after the 50th)", v -> {
            Document last = log.find().sort(NEWEST_FIRST).skip(49).limit(1).first();
            Date at = last.getDate("receivedAt");
            return count(log.find(Filters.or(Filters.lt("receivedAt", at),
                            Filters.and(Filters.eq("receivedAt", at), Filters.lt("_id", last.getString("_id")))))
                    .sort(NEWEST_FIRST).limit(50).batchSize(500));
        });
        shapes.put("data quality, last 7 days (facts + last seen per source)", v -> {
            int n = count(facts.find(Filters.and(Filters.gte("at", Date.from(NOW.minus(Duration.ofDays(7)))),
                    Filters.lt("at", Date.from(NOW)))).batchSize(1000));
            for (String source : SOURCES) {
                n += count(facts.find(Filters.and(Filters.eq("sourceId", source),
                        Filters.lt("receivedAt", Date.from(NOW.minus(Duration.ofDays(1))))))
                        .sort(Sorts.descending("receivedAt")).limit(1));
            }
            return n;
        });
        shapes.put("blended report, one day's conversions by _id", v -> {
            String yesterday = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1).toString();
            Document day = days.find(Filters.eq("_id", yesterday)).first();
            List<String> ids = day == null ? List.of() : day.getList("ids", String.class);
            int n = 0;
            for (int i = 0; i < ids.size(); i += 100) {
                n += count(conversions.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 100)))));
            }
            return n;
        });
        return shapes;
    }

    private static int count(Iterable<Document> documents) {
        int n = 0;
        for (Document ignored : documents) {
            n++;
        }
        return n;
    }

    /** The indexes EventLogRepository, DataQualityRepository and ConversionRepository create, then the documents. */
    static int fill(MongoDatabase db, int size) {
        MongoCollection<Document> log = db.getCollection("eventlog");
        log.createIndex(NEWEST_FIRST);
        for (String field : List.of("sourceId", "profileId", "eventName", "status")) {
            log.createIndex(Indexes.compoundIndex(Indexes.ascending(field), NEWEST_FIRST));
        }
        MongoCollection<Document> facts = db.getCollection("quality_facts");
        facts.createIndex(Indexes.ascending("at"));
        facts.createIndex(Indexes.compoundIndex(Indexes.ascending("sourceId"), Indexes.descending("receivedAt")));
        MongoCollection<Document> conversions = db.getCollection("attribution_conversions");
        conversions.createIndex(Indexes.ascending("eventId"), new IndexOptions());
        Random random = new Random(42);
        Map<String, List<String>> conversionsByDay = new LinkedHashMap<>();
        List<Document> logBatch = new ArrayList<>();
        List<Document> factBatch = new ArrayList<>();
        List<Document> conversionBatch = new ArrayList<>();
        int converted = 0;
        long span = Duration.ofDays(DAYS).toMillis();
        for (int i = 0; i < size; i++) {
            String recordId = new UUID(random.nextLong(), random.nextLong()).toString();
            Date receivedAt = Date.from(NOW.minusMillis((long) (random.nextDouble() * span)));
            String name = weighted(random);
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String profile = "p" + random.nextInt(Math.max(1, size / 8));
            logBatch.add(new Document("_id", recordId).append("status", random.nextInt(50) == 0 ? "duplicate" : "accepted")
                    .append("reasons", List.of()).append("sourceId", source).append("eventName", name)
                    .append("eventId", "e" + i).append("receivedAt", receivedAt).append("at", receivedAt)
                    .append("profileId", profile).append("originalProfileId", profile).append("sessionId", "s" + (i / 6))
                    .append("properties", new Document("url", "https://shop.example/p/" + random.nextInt(500))
                            .append("value", random.nextInt(20_000) / 100.0)));
            factBatch.add(new Document("_id", recordId).append("eventId", "e" + i).append("eventName", name)
                    .append("sourceId", source).append("sourceType", "pixel").append("status", "accepted")
                    .append("at", receivedAt).append("receivedAt", receivedAt).append("stitched", random.nextBoolean())
                    .append("delayedStitched", false).append("duplicateKind", null).append("keptRecordId", null)
                    .append("findings", List.of()).append("types", List.of(new Document("p", "url").append("t", "string"))));
            if (name.equals("Placed Order")) {
                converted++;
                conversionsByDay.computeIfAbsent(LocalDate.ofInstant(receivedAt.toInstant(), ZoneOffset.UTC).toString(),
                        d -> new ArrayList<>()).add(recordId);
                conversionBatch.add(new Document("_id", recordId).append("eventId", "e" + i).append("profileId", profile)
                        .append("convertedAt", receivedAt).append("value", "49.90").append("currency", "EUR"));
            }
            if (logBatch.size() == 5_000 || i == size - 1) {
                log.insertMany(logBatch);
                facts.insertMany(factBatch);
                if (!conversionBatch.isEmpty()) {
                    conversions.insertMany(conversionBatch);
                }
                logBatch.clear();
                factBatch.clear();
                conversionBatch.clear();
            }
        }
        List<Document> dayDocuments = new ArrayList<>();
        conversionsByDay.forEach((day, ids) -> dayDocuments.add(new Document("_id", day).append("ids", ids)));
        if (!dayDocuments.isEmpty()) {
            db.getCollection("attribution_conversion_days").insertMany(dayDocuments);
        }
        return converted;
    }

    private static String weighted(Random random) {
        int r = random.nextInt(100);
        for (int i = 0; i < NAMES.size(); i++) {
            r -= NAME_WEIGHTS[i];
            if (r < 0) {
                return NAMES.get(i);
            }
        }
        return NAMES.get(0);
    }

    private static long usedHeapMb() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() >> 20;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> values = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                values.add(Integer.parseInt(part.trim()));
            }
        }
        return values;
    }
}
