package io.tributary.app.projection;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small generated shop for the read-model tests: visitors spread over three days, each with two devices that sign in
 * with one email (their profiles merge), an order, and for every third visitor a second visit two days later.
 */
final class GeneratedShop {

    private static final String[] LANDINGS = {
        "https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=bf",
        "https://shop.example/?gclid=abc123",
        "https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=dec",
        "https://shop.example/",
    };

    private final Api api;
    private final String run;
    private final String browserToken;
    private final String serverToken;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(4, ChronoUnit.DAYS)
            .plus(8, ChronoUnit.HOURS);

    GeneratedShop(Api api, String run) {
        this.api = api;
        this.run = run;
        this.browserToken = (String) api.createSource(run + " web", "browser").get("token");
        this.serverToken = (String) api.createSource(run + " backend", "server").get("token");
    }

    /** Sends the traffic of visitors {@code from} (inclusive) to {@code to} (exclusive), each accepted. */
    void visit(int from, int to) {
        for (int v = from; v < to; v++) {
            Instant at = base.plus(2L * v, ChronoUnit.HOURS);
            String d1 = "urn:anonymous_id:" + run + "-d1-" + v;
            String d2 = "urn:anonymous_id:" + run + "-d2-" + v;
            String email = "urn:email:" + run + "-" + v + "@example.com";
            collect(pixel("$page_load", run + "-pl1-" + v, LANDINGS[v % LANDINGS.length], null, List.of(d1)), at);
            collect(pixel("$page_load", run + "-pl2-" + v, "https://shop.example/", null, List.of(d2)),
                    at.plusSeconds(10));
            collect(pixel("Signed Up", run + "-su-" + v, "https://shop.example/account", null, List.of(d1, email)),
                    at.plusSeconds(20));
            collect(pixel("Logged In", run + "-li-" + v, "https://shop.example/login", null, List.of(d2, email)),
                    at.plusSeconds(30));
            order(run + "-order-" + v, email, at.plusSeconds(60), new BigDecimal("19.90").add(BigDecimal.valueOf(v, 2)));
            if (v % 3 == 0) {
                collect(pixel("$page_load", run + "-back-" + v, LANDINGS[(v + 1) % LANDINGS.length], null,
                        List.of(d1)), at.plus(2, ChronoUnit.DAYS));
            }
        }
    }

    private void collect(Map<String, Object> event, Instant at) {
        assertThat(api.collect(browserToken, List.of(with(event, "timestamp", at.toString()))).status())
                .as("collect %s", event.get("eventID")).isEqualTo(200);
    }

    private void order(String orderId, String email, Instant at, BigDecimal total) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("total_price", total.toPlainString());
        properties.put("currency", "EUR");
        Map<String, Object> order = with(with(webhook("Placed Order", orderId, List.of(email)), "timestamp",
                at.toString()), "properties", properties);
        assertThat(api.webhook(serverToken, order).status()).as("order %s", orderId).isEqualTo(200);
    }
}
