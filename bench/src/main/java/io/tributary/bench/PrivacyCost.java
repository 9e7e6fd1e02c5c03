package io.tributary.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The cost of crypto-shredding, in one run (one JVM, each run on a fresh memory store): sustained batch ingest and
 * CPU per 1,000 events with the personal fields of events encrypted ({@code tributary.privacy.encryption=true}, the
 * default) and in clear, alternating off/on after a warm-up run, so that neither side gets all the warm JIT.
 * Writes bench/results/privacy-&lt;date&gt;.md.
 */
public final class PrivacyCost {

    private static final String ENCRYPTION = "tributary.privacy.encryption";

    private PrivacyCost() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        BenchOptions options = BenchOptions.parse(args);
        run(options, true);
        List<Bench.Headline> on = new ArrayList<>();
        List<Bench.Headline> off = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            off.add(run(options, false));
            on.add(run(options, true));
        }
        StringBuilder md = new StringBuilder("# Encryption of personal fields on vs off, " + LocalDate.now() + "\n\n");
        md.append("Options: ").append(options).append("\n\n");
        md.append("| encryption | round | sustained accepted events/s | batch p99 ms | CPU s per 1,000 events |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (int round = 0; round < on.size(); round++) {
            row(md, "off", round, off.get(round));
            row(md, "on", round, on.get(round));
        }
        double throughput = mean(on, Bench.Headline::sustainedPerSecond) / mean(off, Bench.Headline::sustainedPerSecond);
        double cpu = mean(on, Bench.Headline::cpuSecondsPerThousand) / mean(off, Bench.Headline::cpuSecondsPerThousand);
        md.append(String.format("%nOn ÷ off, sustained ingest: %.0f%% (target: a cost under 15%%, so ≥ 85%%). "
                + "CPU per event, on ÷ off: %.0f%%.%n", 100 * throughput, 100 * cpu));
        Path out = Path.of(options.out(), "privacy-" + LocalDate.now() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.println(md);
        System.out.println("Written to " + out);
        System.exit(0);
    }

    private static Bench.Headline run(BenchOptions o, boolean encryption) throws Exception {
        System.setProperty(ENCRYPTION, String.valueOf(encryption));
        BenchOptions memory = o.on("memory", o.dataDir());
        Bench bench = new Bench(memory);
        try {
            Bench.Headline headline = bench.headline();
            System.out.println("encryption " + (encryption ? "on" : "off") + ": " + headline);
            return headline;
        } finally {
            bench.stop();
        }
    }

    private static void row(StringBuilder md, String encryption, int round, Bench.Headline h) {
        md.append(String.format("| %s | %d | %,.0f | %,.0f | %.2f |%n", encryption, round + 1, h.sustainedPerSecond(),
                h.p99Millis(), h.cpuSecondsPerThousand()));
    }

    private static double mean(List<Bench.Headline> runs, ToDoubleFunction<Bench.Headline> figure) {
        return runs.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }
}
