package io.tributary.app.quality;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Data Quality numbers through HTTP, against a hand-built dataset in a store of its own (its own database, so
 * its own application context): a 4-hour period from H-2h, where H is the current hour.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tributary.database=data-quality-test")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityApiTest {

    private static final String A1 = "urn:anonymous_id:visitor-1";
    private static final String A2 = "urn:anonymous_id:visitor-2";
    private static final String E1 = "urn:email:ann@example.com";
    private static final String E2 = "urn:email:bob@example.com";

    @LocalServerPort
    int port;
    Api api;
    Instant start;
    String serverId;
    String browserId;

    @BeforeAll
    void sendTheDataset() {
        api = new Api(port);
        start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Map<String, Object> server = api.createSource("Shop backend", "server");
        Map<String, Object> browser = api.createSource("Shop storefront", "browser");
        serverId = (String) server.get("id");
        browserId = (String) browser.get("id");
        String s = (String) server.get("token");
        String b = (String) browser.get("token");

        browser(b, "$page_load", null, 10, Map.of(), A1);
        browser(b, "Viewed Product", null, 11, Map.of("product_id", "p1", "price", "10.00"), A1);
        browser(b, "Viewed Product", null, 12, Map.of("product_id", "p2"), A1);
        browser(b, "Started Checkout", null, 15, Map.of(), A1);
        browser(b, "Placed Order", "order-1", 20, order("order-1", "49.99", "EUR"), A1, E1);
        server(s, "order-1", 20, order("order-1", "49.99", "EUR"), 200, A1, E1);
        server(s, "order-2", 30, order("order-2", "20.00", null), 200, E1);
        server(s, "order-3", 40, order("order-3", "30.00", "EUR"), 200, E2);
        server(s, "order-3", 40, order("order-3", "30.00", "EUR"), 200, E2);
        server(s, "order-3", 40, order("order-3", "31.00", "EUR"), 200, E2);
        server(s, "order-4", 50, order("order-4", new BigDecimal("25.50"), "USD"), 200, "urn:anonymous_id:visitor-9");
        assertThat(api.webhook(s, webhook("Placed Order", "order-5", List.of())).status()).isEqualTo(400);
        browser(b, "$page_load", null, 35, Map.of(), A2);
        browser(b, "$page_load", null, 45, Map.of(), A2, E2);
        Map<String, Object> future = webhook("Subscribed", "sub-1", List.of(E1));
        future.put("timestamp", Instant.now().plus(Duration.ofDays(2)).toString());
        assertThat(api.webhook(s, future).status()).isEqualTo(200);
        Map<String, Object> late = webhook("Subscribed", "sub-2", List.of(E1));
        late.put("timestamp", start.minus(Duration.ofDays(8)).toString());
        assertThat(api.webhook(s, late).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Object> report = report(start, start.plus(Duration.ofHours(4)));
            return count(report, "Placed Order", "count") == 8 && count(report, "$page_load", "count") == 3
                    && count(report, "Subscribed", "count") == 1 && count(report, "Placed Order", "delayedStitchCount") == 1
                    && count(report(start.minus(Duration.ofDays(9)), start.minus(Duration.ofDays(7))), "Subscribed", "count") == 1;
        });
        Map<String, Object> before = report(start, start.plus(Duration.ofHours(4)));
        assertThat(api.admin("POST", "/api/projections/data-quality/rebuild", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(report(start, start.plus(Duration.ofHours(4))))
                .as("the report after a rebuild (every test below reads the rebuilt read model)").isEqualTo(before));
    }

    @Test
    void countsEveryRecordOfAnEventByOutcomeAndRatesItsStitchingAndDedup() {
        Map<String, Object> order = event(report(start, start.plus(Duration.ofHours(4))), "Placed Order");

        assertThat(order).containsEntry("trackingMethod", "both")
                .containsEntry("count", 8).containsEntry("acceptedCount", 4).containsEntry("duplicateCount", 3)
                .containsEntry("rejectedCount", 1).containsEntry("conflictingDuplicateCount", 1)
                .containsEntry("delayedStitchCount", 1).containsEntry("stitchingBelowThreshold", true);
        assertThat((BigDecimal) order.get("perHour")).isEqualByComparingTo("2.00");
        assertThat((BigDecimal) order.get("stitchingRate")).as("order-2 of 2, 3 and 4").isEqualByComparingTo("0.3333");
        assertThat((BigDecimal) order.get("dedupRate")).as("order-1 of 4 accepted").isEqualByComparingTo("0.25");
        assertThat(hourly(order)).containsEntry(start.toString(), 7).containsEntry(
                Instant.now().truncatedTo(ChronoUnit.HOURS).toString(), 1);
    }

    @Test
    void warnsAboutMissingCurrencyTypeDriftAnonymousOrdersAndLowStitching() {
        Map<String, Object> order = event(report(start, start.plus(Duration.ofHours(4))), "Placed Order");

        assertThat(warnings(order)).containsExactlyInAnyOrder(
                ":low_stitching_rate:2:order-4", "currency:missing:1:order-2", "total_price:type_drift:1:order-4",
                "aliases:anonymous_only:1:order-4");
    }

    @Test
    void checksBrowsingEventsAgainstTheSpecWithoutStitchingOrDedupRates() {
        Map<String, Object> report = report(start, start.plus(Duration.ofHours(4)));
        Map<String, Object> viewed = event(report, "Viewed Product");
        Map<String, Object> checkout = event(report, "Started Checkout");
        Map<String, Object> pageLoad = event(report, "$page_load");

        assertThat(viewed).containsEntry("trackingMethod", "browser").containsEntry("count", 2)
                .containsEntry("stitchingRate", null).containsEntry("dedupRate", null);
        assertThat(warnings(viewed)).extracting(w -> w.substring(0, w.lastIndexOf(':'))).containsExactly("price:missing:1");
        assertThat(warnings(checkout)).extracting(w -> w.substring(0, w.lastIndexOf(':')))
                .containsExactlyInAnyOrder("aliases:missing_alias:1", "aliases:anonymous_only:1");
        assertThat(warnings(pageLoad)).isEmpty();
        assertThat(warnings(event(report, "Subscribed"))).containsExactly("timestamp:timestamp_clamped:1:sub-1");
    }

    @Test
    void flagsEventsReceivedMoreThanSevenDaysLate() {
        Map<String, Object> report = report(start.minus(Duration.ofDays(9)), start.minus(Duration.ofDays(7)));

        assertThat(event(report, "Subscribed")).containsEntry("count", 1);
        assertThat(warnings(event(report, "Subscribed"))).as("no web session of its profile started before it")
                .containsExactlyInAnyOrder("timestamp:late:1:sub-2", ":low_stitching_rate:1:sub-2");
    }

    @Test
    void summarisesEachSourceWithItsCountsAndWarnings() {
        Map<String, Object> report = report(start, start.plus(Duration.ofHours(4)));
        Map<String, Object> server = source(report, serverId);
        Map<String, Object> browser = source(report, browserId);

        assertThat(server).containsEntry("name", "Shop backend").containsEntry("type", "server")
                .containsEntry("count", 8).containsEntry("acceptedCount", 4).containsEntry("duplicateCount", 3)
                .containsEntry("rejectedCount", 1).containsEntry("silent", false);
        assertThat(server.get("lastSeen")).isNotNull();
        assertThat(warnings(server)).containsExactlyInAnyOrder("currency:missing:1:order-2",
                "aliases:anonymous_only:1:order-4", "timestamp:timestamp_clamped:1:sub-1");
        assertThat(browser).containsEntry("count", 7).containsEntry("acceptedCount", 7).containsEntry("rejectedCount", 0);
        assertThat(warnings(browser)).extracting(w -> w.substring(0, w.lastIndexOf(':'))).containsExactlyInAnyOrder(
                "price:missing:1", "aliases:missing_alias:1", "aliases:anonymous_only:1");
    }

    @Test
    void answersAnEmptyReportForAPeriodWithoutEvents() {
        Map<String, Object> report = report(start.minus(Duration.ofDays(30)), start.minus(Duration.ofDays(29)));

        assertThat((List<?>) report.get("events")).isEmpty();
        assertThat(source(report, serverId)).containsEntry("count", 0);
    }

    @Test
    void addsUpWholeHoursFromTheRollupsAndFoldsEveryFactWhenAskedForExact() {
        for (Instant[] range : List.of(new Instant[] {start, start.plus(Duration.ofHours(4))},
                new Instant[] {start.plus(Duration.ofMinutes(15)), start.plus(Duration.ofMinutes(187))})) {
            Map<String, Object> rolledUp = new LinkedHashMap<>(report(range[0], range[1]));
            Api.Response exact = api.get("/api/data-quality?from=" + range[0] + "&to=" + range[1] + "&path=exact");
            assertThat(exact.status()).as(exact.body()).isEqualTo(200);
            Map<String, Object> folded = new LinkedHashMap<>(exact.json());

            assertThat(rolledUp.remove("path")).isEqualTo("rollup");
            assertThat(folded.remove("path")).isEqualTo("exact");
            assertThat(rolledUp).as("from %s to %s", range[0], range[1]).isEqualTo(folded);
        }
        Map<String, Object> withinAnHour = report(start.plus(Duration.ofMinutes(5)), start.plus(Duration.ofMinutes(55)));
        assertThat(withinAnHour).as("no whole hour to add up").containsEntry("path", "exact");
        assertThat(event(withinAnHour, "Placed Order")).containsEntry("count", 7);
    }

    @Test
    void namesEveryBadParameter() {
        Api.Response badPath = api.get("/api/data-quality?from=yesterday&path=fastest");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.body()).contains("\"field\":\"from\"").contains("\"field\":\"path\"");

        Api.Response bad = api.get("/api/data-quality?from=yesterday&to=2025-13-01");
        Api.Response backwards = api.get("/api/data-quality?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z");
        Api.Response anonymous = api.send("GET", "/api/data-quality", null, null);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"").contains("\"field\":\"to\"");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("must be before to");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private void browser(String token, String name, String id, int minute, Map<String, Object> properties, String... aliases) {
        Map<String, Object> event = pixel(name, id, "https://shop.example/", null, List.of(aliases));
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) event.get("properties");
        props.putAll(properties);
        event.put("timestamp", start.plus(Duration.ofMinutes(minute)).toString());
        Api.Response response = api.collect(token, List.of(event));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void server(String token, String id, int minute, Map<String, Object> properties, int status, String... aliases) {
        Map<String, Object> event = with(webhook("Placed Order", id, List.of(aliases)), "properties", properties);
        event.put("timestamp", start.plus(Duration.ofMinutes(minute)).toString());
        Api.Response response = api.webhook(token, event);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static Map<String, Object> order(String id, Object total, String currency) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("total_price", total);
        if (currency != null) {
            order.put("currency", currency);
        }
        order.put("items", List.of(Map.of("product_id", "p1", "price", "10.00", "quantity", 1)));
        return order;
    }

    private Map<String, Object> report(Instant from, Instant to) {
        Api.Response response = api.get("/api/data-quality?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(Map<String, Object> report, String name) {
        return ((List<Map<String, Object>>) report.get("events")).stream()
                .filter(e -> name.equals(e.get("eventName"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name + " in " + report.get("events")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Map<String, Object> report, String id) {
        return ((List<Map<String, Object>>) report.get("sources")).stream()
                .filter(s -> id.equals(s.get("sourceId"))).findFirst().orElseThrow();
    }

    private static long count(Map<String, Object> report, String name, String field) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) report.get("events");
        return events.stream().filter(e -> name.equals(e.get("eventName")))
                .mapToLong(e -> ((Number) e.get(field)).longValue()).sum();
    }

    /** Each warning as property:kind:count:exampleEventId. */
    @SuppressWarnings("unchecked")
    private static List<String> warnings(Map<String, Object> row) {
        return ((List<Map<String, Object>>) row.get("warnings")).stream()
                .map(w -> Objects.toString(w.get("property"), "") + ":" + w.get("kind") + ":" + w.get("count") + ":"
                        + w.get("exampleEventId"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hourly(Map<String, Object> row) {
        Map<String, Object> hours = new LinkedHashMap<>();
        ((List<Map<String, Object>>) row.get("hourly")).forEach(h -> hours.put((String) h.get("hour"), h.get("count")));
        return hours;
    }
}
