package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The file store beside the memory backend, in one run (one JVM, one after the other, each on a fresh store; the
 * file store without fsync first, then memory, then the file store with fsync): at the
 * first level, sustained batch ingest, its p99, the raw insertMany ceiling of the same store, heap after a full GC
 * per stored event; the file store with and without fsync; then the file store's restart time on what it stored.
 * Writes bench/results/file-store-&lt;date&gt;.md.
 */
public final class StoreComparison {

    private static final String NO_FSYNC = "tributary.bench.no-fsync";

    private StoreComparison() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        BenchOptions options = BenchOptions.parse(args);
        Map<String, Bench.Headline> results = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Path fileDir = Path.of(options.dataDir(), "file");
        // the first run also warms the JIT for the two that are compared; the table keeps a fixed order
        Bench.Headline noSync = run(options, "file", Path.of(options.dataDir(), "file-nosync"), true);
        Bench.Headline memory = run(options, "memory", Path.of(options.dataDir(), "memory"), false);
        results.put("file store (fsync per batch)", run(options, "file", fileDir, false));
        results.put("file store, fsync off (bench only)", noSync);
        results.put("memory backend", memory);
        Bench restarted = new Bench(with(options, "file", fileDir));
        try {
            double seconds = restarted.timedStart();
            notes.add(String.format("File store restart, start to ready on its %,d stored events: %.1f s",
                    results.get("file store (fsync per batch)").stored(), seconds));
        } finally {
            restarted.stop();
        }
        String markdown = markdown(options, results, notes);
        Path out = Path.of(options.out(), "file-store-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        System.out.println(markdown);
        System.out.println("Written to " + out);
        System.exit(0);
    }

    private static Bench.Headline run(BenchOptions options, String store, Path dataDir, boolean noFsync)
            throws Exception {
        deleteRecursively(dataDir);
        if (noFsync) {
            System.setProperty(NO_FSYNC, "true");
        } else {
            System.clearProperty(NO_FSYNC);
        }
        Bench bench = new Bench(with(options, store, dataDir));
        try {
            Bench.Headline headline = bench.headline();
            System.out.println(store + (noFsync ? " (no fsync)" : "") + ": " + headline);
            return headline;
        } finally {
            bench.stop();
            System.clearProperty(NO_FSYNC);
        }
    }

    private static BenchOptions with(BenchOptions o, String store, Path dataDir) {
        return o.on(store, dataDir.toString());
    }

    private static String markdown(BenchOptions options, Map<String, Bench.Headline> results, List<String> notes) {
        StringBuilder md = new StringBuilder("# File store beside the memory backend, " + LocalDate.now() + "\n\n");
        md.append("Options: ").append(options).append("\n\n");
        md.append("| store | stored events | sustained accepted events/s | batch p99 ms | CPU s per 1,000 events | raw insertMany docs/s | ingest ÷ ceiling | live heap after GC, MB | heap bytes per stored event | start s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Bench.Headline> e : results.entrySet()) {
            Bench.Headline h = e.getValue();
            md.append(String.format("| %s | %,d | %,.0f | %,.0f | %.2f | %,.0f | %.0f%% | %,d | %,d | %.1f |%n", e.getKey(), h.stored(),
                    h.sustainedPerSecond(), h.p99Millis(), h.cpuSecondsPerThousand(), h.ceilingPerSecond(), 100 * h.sustainedPerSecond() / h.ceilingPerSecond(),
                    h.liveHeapBytes() >> 20, h.stored() == 0 ? 0 : h.liveHeapBytes() / h.stored(), h.startSeconds()));
        }
        Bench.Headline file = results.get("file store (fsync per batch)");
        Bench.Headline noSync = results.get("file store, fsync off (bench only)");
        Bench.Headline memory = results.get("memory backend");
        md.append(String.format("%nFile ÷ memory, sustained ingest: %.0f%% (target ≥ 70%%). Fsync on ÷ off: %.0f%%. "
                        + "CPU per event, memory ÷ file: %.0f%% (the share of the memory backend's throughput the file store "
                        + "would reach if CPU were the only limit; CPU time is less disturbed by other work on the machine than "
                        + "wall time).%n",
                100 * file.sustainedPerSecond() / memory.sustainedPerSecond(),
                100 * file.sustainedPerSecond() / noSync.sustainedPerSecond(),
                100 * memory.cpuSecondsPerThousand() / file.cpuSecondsPerThousand()));
        notes.forEach(n -> md.append("\n- ").append(n));
        md.append("\n\nThe heap of each store is measured after its own run, with the previous stores closed; the JVM is shared.\n");
        return md.toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
