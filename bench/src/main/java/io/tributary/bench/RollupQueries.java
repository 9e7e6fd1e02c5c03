package io.tributary.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The figures of issue 15 (reports in constant time), measured over HTTP in the same run on both paths: the blended
 * report for every model, per grouping and range (7, 30, 90 days), and the time series, added up from the roll-ups
 * ({@code path=rollup}, the default) and credited when asked ({@code path=exact}); data quality over 1, 7 and 30 days,
 * added up from the hour roll-ups with the partial edge hours from facts ({@code rollup}) and folded from every fact
 * ({@code exact}).
 * A blended figure pools the requests of all eleven models and names the slowest model's p95. A roll-up figure
 * whose answers came back {@code "path":"exact"} (the roll-ups were being rebuilt) says so.
 */
final class RollupQueries {

    static final List<String> MODELS = List.of("first_touch", "last_touch", "first_touch_paid", "last_touch_paid",
            "linear", "participation", "u_shaped", "j_shaped", "inverse_j", "time_decay", "direct");
    private static final List<String> GROUPINGS = List.of("channelGroup", "channel", "campaign");
    private static final List<Integer> RANGES = List.of(7, 30, 90);
    private static final List<String> BOTH_PATHS = List.of("rollup", "exact");

    private RollupQueries() {
    }

    /**
     * @param repeats   requests per model (at least two), within {@code budget} per figure
     * @param exactToo  whether the exact path is measured beside the roll-ups (at 1M it takes seconds per request)
     */
    static void measure(Http http, Map<String, Latencies> results, int repeats, Duration budget, boolean exactToo) {
        List<String> paths = exactToo ? BOTH_PATHS : BOTH_PATHS.subList(0, 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int days : RANGES) {
            String range = "from=" + today.minusDays(days - 1L) + "&to=" + today;
            for (String grouping : GROUPINGS) {
                for (String path : paths) {
                    blended(http, results, range, days, grouping, path, repeats, budget);
                }
            }
            for (String path : paths) {
                String query = "/api/reports/timeseries?metric=revenue&groupBy=channel&model=last_touch&" + range
                        + "&path=" + path;
                results.put("time series, revenue by channel, " + days + " days, " + path + answeredBy(http, query, path),
                        repeat(http, query, repeats * 4, budget));
            }
        }
        Instant now = Instant.now();
        for (int days : List.of(1, 7, 30)) {
            for (String path : paths) {
                String query = "/api/data-quality?from=" + now.minus(days, ChronoUnit.DAYS) + "&to=" + now + "&path=" + path;
                results.put("data quality, " + days + (days == 1 ? " day, " : " days, ") + path
                        + answeredBy(http, query, path), repeat(http, query, repeats * 4, budget));
            }
        }
    }

    private static void blended(Http http, Map<String, Latencies> results, String range, int days, String grouping,
                                String path, int repeats, Duration budget) {
        Latencies pooled = new Latencies();
        double slowest = 0;
        String slowestModel = "";
        String answered = "";
        Duration perModel = budget.dividedBy(MODELS.size());
        for (String model : MODELS) {
            String query = "/api/reports/blended?groupBy=" + grouping + "&model=" + model + "&" + range + "&path=" + path;
            answered = answered.isEmpty() ? answeredBy(http, query, path) : answered;
            Latencies one = repeat(http, query, repeats, perModel);
            pooled.addAll(one);
            if (one.percentileMillis(95) > slowest) {
                slowest = one.percentileMillis(95);
                slowestModel = model;
            }
        }
        results.put(String.format("blended, every model by %s, %d days, %s%s (slowest: %s, p95 %.1f)", grouping, days,
                path, answered, slowestModel, slowest), pooled);
    }

    /** Empty when the answer took the path asked for, else a note of the path it took. */
    private static String answeredBy(Http http, String query, String path) {
        Http.Answer answer = http.admin("GET", query, null);
        Object took = answer.status() == 200 ? answer.json().get("path") : "status " + answer.status();
        return path.equals(took) ? "" : " [answered " + took + "]";
    }

    private static Latencies repeat(Http http, String query, int repeats, Duration budget) {
        Latencies latencies = new Latencies();
        long stop = System.nanoTime() + budget.toNanos();
        for (int i = 0; i < repeats && (i < 2 || System.nanoTime() < stop); i++) {
            latencies.add(http.admin("GET", query, null).micros());
        }
        return latencies;
    }
}
