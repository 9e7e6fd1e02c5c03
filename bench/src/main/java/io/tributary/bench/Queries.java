package io.tributary.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 5: latencies of the read side's queries over HTTP, each repeated up to a count or a time budget (at least
 * twice). A query whose endpoint is absent is left out.
 */
final class Queries {

    private Queries() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Latencies> measure(Http http, int repeats, java.time.Duration budget, boolean exactToo) {
        Map<String, Latencies> results = new LinkedHashMap<>();
        List<Map<String, Object>> recent = (List<Map<String, Object>>) http.admin("GET", "/api/events?limit=20", null).json().get("items");
        String profileId = recent.isEmpty() ? "none" : (String) recent.get(0).get("profileId");
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("event log, newest 50", "/api/events?limit=50");
        paths.put("event log, by event name", "/api/events?limit=50&eventName=Placed%20Order");
        paths.put("profile by id", "/api/profiles/" + profileId);
        paths.put("profile sessions", "/api/profiles/" + profileId + "/sessions");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        paths.put("data quality, last 7 days", "/api/data-quality");
        paths.put("blended report, last_touch by channel, today", "/api/reports/blended?groupBy=channel&model=last_touch&from="
                + today + "&to=" + today);
        String monthAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(29).toString();
        paths.put("blended report, last_touch by channel, last 30 days", "/api/reports/blended?groupBy=channel&model=last_touch&from="
                + monthAgo + "&to=" + today);
        paths.forEach((name, path) -> {
            Latencies latencies = new Latencies();
            long stop = System.nanoTime() + budget.toNanos();
            for (int i = 0; i < repeats && (i < 2 || System.nanoTime() < stop); i++) {
                Http.Answer answer = http.admin("GET", path, null);
                if (answer.status() == 404 && i == 0 && !path.startsWith("/api/profiles")) {
                    return;
                }
                latencies.add(answer.micros());
            }
            results.put(name, latencies);
        });
        RollupQueries.measure(http, results, Math.max(2, repeats / 8), budget, exactToo);
        return results;
    }
}
