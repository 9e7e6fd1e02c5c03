package io.tributary.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's settings, from {@code --name value} arguments.
 *
 * @param levels stored-event counts at which growth figures are taken
 * @param replayUpTo the largest level at which every read model is rebuilt and timed ({@code --replay-up-to}); a
 *                   rebuild at 1M takes minutes per read model
 * @param exactUpTo  the largest level at which the reports' exact path is timed beside the roll-ups
 *                   ({@code --exact-up-to})
 */
record BenchOptions(List<Long> levels, int sustainSeconds, int burstSeconds, int concurrency, int batch,
                    int webhookRate, int webhookSeconds, int lagRate, int lagSeconds, int queryRepeats, int querySeconds,
                    int replaySeconds, long replayUpTo, long exactUpTo, int catchUpMinutes, int historyDays, long seed,
                    String store, String dataDir, String out) {

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return new BenchOptions(
                Arrays.stream(given.getOrDefault("levels", "10000,100000,1000000").split(",")).map(Long::parseLong).toList(),
                integer(given, "sustain-seconds", 60), integer(given, "burst-seconds", 10),
                integer(given, "concurrency", 8), integer(given, "batch", 50),
                integer(given, "webhook-rate", 500), integer(given, "webhook-seconds", 30),
                integer(given, "lag-rate", 1000), integer(given, "lag-seconds", 15),
                integer(given, "query-repeats", 40), integer(given, "query-seconds", 20),
                integer(given, "replay-seconds", 60), Long.parseLong(given.getOrDefault("replay-up-to", Long.toString(Long.MAX_VALUE))),
                Long.parseLong(given.getOrDefault("exact-up-to", Long.toString(Long.MAX_VALUE))),
                integer(given, "catch-up-minutes", 10),
                integer(given, "history-days", 90), Long.parseLong(given.getOrDefault("seed", "42")),
                given.getOrDefault("store", "file"), given.getOrDefault("data-dir", "bench/target/data"),
                given.getOrDefault("out", "bench/results"));
    }

    /** The same settings on another store and data directory. */
    BenchOptions on(String otherStore, String otherDataDir) {
        return new BenchOptions(levels, sustainSeconds, burstSeconds, concurrency, batch, webhookRate, webhookSeconds,
                lagRate, lagSeconds, queryRepeats, querySeconds, replaySeconds, replayUpTo, exactUpTo, catchUpMinutes, historyDays,
                seed, otherStore, otherDataDir, out);
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        return Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
    }
}
