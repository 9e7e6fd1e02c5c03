package io.tributary.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The figures of one run, as markdown: printed and written to bench/results/&lt;date&gt;.md. */
final class Report {

    private final List<String> notes = new ArrayList<>();
    private final StringBuilder figures = new StringBuilder();
    private final StringBuilder growth = new StringBuilder();
    private final StringBuilder queries = new StringBuilder();
    private final StringBuilder restarts = new StringBuilder();
    private double sustainedPerSecond;
    private long sustainedAccepted;

    void line(String note) {
        System.out.println(note);
        notes.add(note);
    }

    long sustainedAccepted() {
        return sustainedAccepted;
    }

    void sustained(IngestRun run) {
        sustainedPerSecond = run.acceptedPerSecond();
        sustainedAccepted = run.accepted();
        Latencies l = run.latencies();
        figures.append(row("Sustained ingest, batch API (accepted events/s over " + Math.round(run.seconds()) + " s)",
                fmt(run.acceptedPerSecond()) + " (decided incl. duplicates: " + fmt(run.decidedPerSecond()) + "/s; failed requests: "
                        + run.failures() + ")", "≥ 5,000"));
        figures.append(row("Batch request latency p50 / p95 / p99 (ms)", ms(l, 50) + " / " + ms(l, 95) + " / " + ms(l, 99), ""));
        figures.append(row("CPU seconds per 1,000 events (app and load generator in one JVM)", fmt2(run.cpuSecondsPerThousand()), ""));
    }

    void ceiling(double docsPerSecond) {
        figures.append(row("Raw ceiling: insertMany of as many equivalent documents, same store (docs/s)", fmt(docsPerSecond), ""));
        figures.append(row("Ingest / raw ceiling", String.format("%.0f%%", 100 * sustainedPerSecond / docsPerSecond), "≥ 40%"));
    }

    void webhook(int rate, Latencies latencies, long errors) {
        figures.append(row("Single-event webhook at " + rate + " req/s, p50 / p95 / p99 (ms)",
                ms(latencies, 50) + " / " + ms(latencies, 95) + " / " + ms(latencies, 99) + " (" + latencies.count()
                        + " answered, " + errors + " failed)", "p99 ≤ 25"));
    }

    void level(long level, long stored, IngestRun burst, double cpuPerThousandWithReadModels, Latencies lag,
               Map<String, String> replay, Map<String, Latencies> queryLatencies, long liveHeapBytes) {
        String replays = String.join(", ", replay.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        growth.append("| ").append(String.format("%,d", level)).append(" (").append(String.format("%,d", stored)).append(") | ")
                .append(fmt(burst.acceptedPerSecond())).append(" | ").append(fmt2(burst.cpuSecondsPerThousand())).append(" | ")
                .append(fmt2(cpuPerThousandWithReadModels)).append(" | ")
                .append(ms(lag, 50)).append(" / ").append(ms(lag, 95)).append(" | ").append(replays).append(" | ")
                .append(liveHeapBytes >> 20).append(" |\n");
        queryLatencies.forEach((name, l) -> queries.append("| ").append(String.format("%,d", level)).append(" | ").append(name)
                .append(" | ").append(ms(l, 50)).append(" | ").append(ms(l, 95)).append(" | ").append(l.count()).append(" |\n"));
    }

    void restart(long level, long stored, double readySeconds, double firstPageSeconds, int firstPageStatus,
                 long heapBefore, long heapAfter, long dataBytes) {
        restarts.append("| ").append(String.format("%,d (%,d)", level, stored)).append(" | ")
                .append(String.format("%.1f", readySeconds)).append(" | ")
                .append(String.format("%.1f", firstPageSeconds)).append(firstPageStatus == 200 ? "" : " (status " + firstPageStatus + ")")
                .append(" | ").append(heapBefore >> 20).append(" (").append(fmt(heapBefore / (double) stored)).append(" B) | ")
                .append(heapAfter >> 20).append(" (").append(fmt(heapAfter / (double) stored)).append(" B) | ")
                .append(fmt(dataBytes / 1e6)).append(" |\n");
    }

    private String machine = "";

    void machine(long peakHeap, long peakRssKb) {
        machine = row("Peak heap / peak RSS so far (MiB)", (peakHeap >> 20) + " / " + (peakRssKb >> 10), "");
    }

    String markdown() {
        return "# Benchmark run " + Instant.now() + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, Java " + System.getProperty("java.version") + ".\n\n"
                + "| figure | measured | target |\n|---|---|---|\n" + figures + machine
                + "\n## Growth (figures 1, 3, 4, 7 at each store size)\n\n"
                + "| stored tracked events (actual) | ingest accepted/s (burst) | CPU s / 1,000 events, during the burst | CPU s / 1,000 events, until every read model has them | projection lag p50 / p95 (ms) at 1,000 events/s | replay events/s per read model | heap after full GC (MiB) |\n|---|---|---|---|---|---|---|\n"
                + growth
                + (restarts.isEmpty() ? "" : "\n## Restart and heap (file store; targets: ready ≤ 30 s, heap ≤ 1.5 GB at 1M)\n\n"
                + "| stored tracked events (actual) | start to ready (s) | start to first event-log page (s) | heap after full GC before the restart, MiB (per stored event) | after the restart, MiB (per stored event) | data directory (MB) |\n|---|---|---|---|---|---|\n"
                + restarts)
                + "\n## Query latency (ms)\n\n| stored tracked events | query | p50 | p95 | samples |\n|---|---|---|---|---|\n" + queries
                + "\n## Notes\n\n" + String.join("\n", notes.stream().map(n -> "- " + n).toList()) + "\n";
    }

    private static String row(String name, String value, String target) {
        return "| " + name + " | " + value + " | " + target + " |\n";
    }

    private static String ms(Latencies latencies, double percentile) {
        return String.format("%.1f", latencies.percentileMillis(percentile));
    }

    private static String fmt(double value) {
        return String.format("%,.0f", value);
    }

    private static String fmt2(double value) {
        return String.format("%.2f", value);
    }
}
