package io.tributary.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The file store's data file under the app's write pattern ({@link StoreChurn}: a batch of 100 tracked events, then
 * a flush, as the app answers a batch), with the periodic compaction off (the store as it was before) and on, in one
 * JVM: file size as it grows, against the same data written once into a fresh file; throughput; batch latency (write
 * and flush) p50 / p99 / max; what the compaction held writers for. Load average beside each figure, since the machine
 * is shared. Not a test: {@code embedded-mongo/bench-file-growth.sh 1000 off on} (batches, then modes) appends to
 * bench/results/file-growth-&lt;date&gt;.md.
 */
public final class FileGrowthBench {

    private FileGrowthBench() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        List<String> modes = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of("off", "on");
        StringBuilder md = new StringBuilder(String.format("%n## %,d tracked events in batches of %d (FileGrowth, %s)%n%n",
                batches * StoreChurn.EVENTS_PER_BATCH, StoreChurn.EVENTS_PER_BATCH, LocalDate.now()));
        StringBuilder growth = new StringBuilder();
        md.append("| compaction | events/s | CPU s | batch p50 / p99 / max ms | file MB | same data written once, MB | ratio "
                + "| compaction passes, writers held total / longest ms | load avg (1 min) at end |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String mode : modes) {
            System.setProperty(IndexedH2Backend.BENCH_NO_COMPACTION, Boolean.toString(mode.equals("off")));
            run(mode, batches, md, growth);
            System.out.print(md);
        }
        md.append("\nFile size as it grows (MB, with the load average):\n\n").append(growth);
        System.out.println(md);
        Path out = Path.of("bench/results", "file-growth-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.exit(0);
    }

    private static void run(String mode, int batches, StringBuilder md, StringBuilder growth) throws Exception {
        Path dir = Files.createTempDirectory("file-growth-" + mode);
        Path freshDir = Files.createTempDirectory("file-growth-fresh");
        long[] latencies = new long[batches];
        growth.append("- compaction ").append(mode).append(':');
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("shop");
            StoreChurn.createIndexes(db);
            StoreChurn churn = new StoreChurn(db);
            long begin = System.nanoTime();
            long cpu = cpuNanos();
            for (int batch = 0; batch < batches; batch++) {
                long started = System.nanoTime();
                churn.writeBatch();
                server.flush();
                latencies[batch] = System.nanoTime() - started;
                if ((batch + 1) % Math.max(1, batches / 10) == 0) {
                    growth.append(String.format(" %,d events %,d (load %.1f);", (batch + 1) * StoreChurn.EVENTS_PER_BATCH,
                            server.fileStats().fileBytes() >> 20, load()));
                }
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            FileStats stats = server.fileStats();
            long freshBytes = writtenOnce(db, freshDir);
            Arrays.sort(latencies);
            var totals = server.compactionTotals();
            md.append(String.format("| %s | %,.0f | %.1f | %d / %d / %d | %,d | %,d | %.1f× | %d, %,d / %,d | %.1f |%n", mode,
                    batches * StoreChurn.EVENTS_PER_BATCH / seconds, cpuSeconds, millis(latencies, 0.50),
                    millis(latencies, 0.99), latencies[batches - 1] / 1_000_000, stats.fileBytes() >> 20, freshBytes >> 20,
                    stats.fileBytes() / (double) freshBytes, totals.passes(), totals.heldMillis(),
                    totals.longestHeldMillis(), load()));
            growth.append('\n');
        }
    }

    /** The same documents and indexes, inserted once into a fresh file store: the size the data needs. */
    private static long writtenOnce(MongoDatabase from, Path freshDir) {
        try (EmbeddedMongoServer fresh = EmbeddedMongoServer.file(freshDir);
             MongoClient client = MongoClients.create(fresh.connectionString())) {
            MongoDatabase to = client.getDatabase("shop");
            StoreChurn.createIndexes(to);
            StoreChurn.copy(from, to);
            fresh.flush();
            return fresh.fileStats().fileBytes();
        }
    }

    private static long millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1_000_000;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
