package io.tributary.app.privacy;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.app.StoredText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * Issue 18's retention, through HTTP: two sources keep their tracked events four months; a visit and an order six
 * months old, a visit and an order of today, and a rejected payload are sent; the sweep runs with its clock two
 * months ahead. The old events' personal content (property values, page addresses, landing URLs) is then in no
 * endpoint, export, stored document or log line, today's and the rejected payload are intact, and the blended
 * report's totals are unchanged. Six months ahead, a second sweep shreds today's month and the rejected payload too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RetentionEndToEndTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    private static final Instant OLD = NOW.atZone(ZoneOffset.UTC).minusMonths(6).toInstant();

    @TestBean
    RetentionClock retentionClock;

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Api api;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String oldEmail = "old.buyer." + unique + "@example.com";
    private final String oldPage = "https://shop.example/old-landing-" + unique;
    private final String newEmail = "new.buyer." + unique + "@example.com";
    private final String newPage = "https://shop.example/new-landing-" + unique;
    private final String rejectedEmail = "rejected.buyer." + unique + "@example.com";

    private static final MovableClock SWEEP_CLOCK = new MovableClock();

    /** The sweep's idea of the time, which the test moves months ahead. */
    static RetentionClock retentionClock() {
        return new RetentionClock(SWEEP_CLOCK);
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void shredsThePersonalContentOfEventsPastTheRetentionAndKeepsNewerEventsAndTotals(CapturedOutput output) {
        Map<String, Object> browser = source("retention web " + unique, "browser");
        Map<String, Object> server = source("retention backend " + unique, "server");
        for (Map<String, Object> source : List.of(browser, server)) {
            Api.Response set = api.admin("PUT", "/api/sources/" + source.get("id") + "/privacy",
                    Map.of("retention", "P4M"));
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json()).containsEntry("retention", "P4M").containsEntry("retentionMonths", 4);
        }
        visitAndOrder((String) browser.get("token"), (String) server.get("token"), "old", OLD, oldPage, oldEmail);
        visitAndOrder((String) browser.get("token"), (String) server.get("token"), "new", NOW, newPage, newEmail);
        assertThat(api.webhook((String) server.get("token"), Map.of("event_name", "", "properties",
                Map.of("email", rejectedEmail), "aliases", List.of("urn:email:" + rejectedEmail))).status())
                .isEqualTo(400);
        await().atMost(READ_SIDE).until(() -> api.get("/api/events?status=rejected").body().contains(rejectedEmail));
        Map<String, Object> totalsBefore = await().atMost(READ_SIDE).until(this::totals, totals -> totals != null
                && "200.00".equals(String.valueOf(totals.get("netRevenue")))
                && "2".equals(String.valueOf(totals.get("sessions"))));
        assertThat(everythingTheApiShows()).contains(oldEmail, oldPage, newEmail, newPage);

        SWEEP_CLOCK.set(NOW.atZone(ZoneOffset.UTC).plusMonths(2).toInstant());
        Api.Response run = api.admin("POST", "/api/privacy/retention/run", null);

        assertThat(run.status()).isEqualTo(202);
        assertThat(run.json()).containsEntry("status", "cleaning");
        assertThat(run.body()).doesNotContain(month(NOW));
        assertThat(swept(run, browser)).containsEntry("retention", "P4M").containsEntry("months", List.of(month(OLD)))
                .containsEntry("trackedEvents", 1).containsEntry("rejectedPayloads", 0);
        assertThat(swept(run, server)).containsEntry("months", List.of(month(OLD))).containsEntry("trackedEvents", 1)
                .containsEntry("rejectedPayloads", 0);
        await().atMost(Duration.ofMinutes(3)).until(() -> "done".equals(
                api.get("/api/privacy/retention").json().get("status")));

        assertThat(everythingTheApiShows()).doesNotContain(oldEmail, oldPage).contains(newEmail, newPage,
                rejectedEmail, "order-old-" + unique, "[erased]");
        assertThat(StoredText.of(database)).doesNotContain(oldEmail, oldPage).contains("RetentionApplied");
        assertThat(totals()).isEqualTo(totalsBefore);
        assertThat(api.admin("POST", "/api/privacy/retention/run", null).json())
                .containsEntry("status", "nothing_expired");

        SWEEP_CLOCK.set(NOW.atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
        Api.Response later = api.admin("POST", "/api/privacy/retention/run", null);
        assertThat(swept(later, server)).containsEntry("trackedEvents", 1).containsEntry("rejectedPayloads", 1);
        assertThat(later.body()).contains(month(NOW));
        await().atMost(Duration.ofMinutes(3)).until(() -> "done".equals(
                api.get("/api/privacy/retention").json().get("status")));

        assertThat(everythingTheApiShows()).doesNotContain(oldEmail, oldPage, newEmail, newPage, rejectedEmail)
                .contains("order-new-" + unique);
        assertThat(StoredText.of(database)).doesNotContain(oldEmail, oldPage, newEmail, newPage, rejectedEmail);
        assertThat(totals()).isEqualTo(totalsBefore);
        assertThat(output.getAll()).doesNotContain(oldEmail, oldPage, newEmail, newPage, rejectedEmail);
    }

    @Test
    void refusesARetentionThatIsNoWholeNumberOfMonthsNamingEveryBadField() {
        String sourceId = (String) source("retention refused " + unique, "browser").get("id");

        Api.Response refused = api.admin("PUT", "/api/sources/" + sourceId + "/privacy",
                Map.of("retention", "P30D", "requireConsent", "yes"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("retention", "requireConsent");
        assertThat(api.get("/api/sources/" + sourceId + "/privacy").json()).containsEntry("retention", null)
                .containsEntry("requireConsent", false);
    }

    @Test
    void liftsARetentionWithNullAndKeepsTheConsentSetting() {
        String sourceId = (String) source("retention lifted " + unique, "browser").get("id");
        api.admin("PUT", "/api/sources/" + sourceId + "/privacy", Map.of("requireConsent", true, "retention", 25));

        Map<String, Object> body = new java.util.HashMap<>();
        body.put("retention", null);
        Api.Response lifted = api.admin("PUT", "/api/sources/" + sourceId + "/privacy", body);

        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.json()).containsEntry("retention", null).containsEntry("requireConsent", true);
    }

    /** A new source, once the sources read model knows it. */
    private Map<String, Object> source(String name, String type) {
        Map<String, Object> created = api.createSource(name, type);
        await().atMost(READ_SIDE).until(() -> api.get("/api/sources/" + created.get("id") + "/privacy").status() == 200);
        return created;
    }

    /** What a sweep's answer says it shredded of the source. */
    private static Map<String, Object> swept(Api.Response run, Map<String, Object> source) {
        return ((List<Map<String, Object>>) run.json().get("sources")).stream()
                .filter(swept -> source.get("id").equals(swept.get("sourceId"))).findFirst().orElseThrow();
    }

    private void visitAndOrder(String browserToken, String serverToken, String label, Instant at, String page,
                               String email) {
        String anonymousId = "anon-" + label + "-" + unique;
        assertThat(api.collect(browserToken, List.of(with(pixel("$page_load", "pl-" + label + "-" + unique,
                page + "?utm_source=newsletter&utm_medium=email", null, List.of("urn:anonymous_id:" + anonymousId)),
                "timestamp", at.toString()))).status()).isEqualTo(200);
        assertThat(api.webhook(serverToken, with(with(webhook("Placed Order", "order-" + label + "-" + unique,
                List.of("urn:anonymous_id:" + anonymousId)), "properties", Map.of("total_price", "100.00",
                "currency", "EUR", "email", email)), "timestamp", at.plus(Duration.ofMinutes(5)).toString()))
                .status()).isEqualTo(200);
    }

    private String everythingTheApiShows() {
        List<String> paths = new ArrayList<>(List.of("/api/events?limit=500", "/api/events?status=rejected",
                "/api/events/export.csv",
                "/api/events/export.csv?from=" + OLD.minus(Duration.ofDays(1)) + "&to=" + NOW.plus(Duration.ofDays(1)),
                report()));
        for (String label : List.of("old", "new")) {
            String profileId = (String) api.get("/api/profiles?alias=urn:anonymous_id:anon-" + label + "-" + unique)
                    .json().get("profileId");
            paths.addAll(List.of("/api/profiles/" + profileId, "/api/profiles/" + profileId + "/history",
                    "/api/profiles/" + profileId + "/sessions", "/api/profiles/" + profileId + "/export",
                    "/api/events?profileId=" + profileId));
        }
        StringBuilder shown = new StringBuilder();
        for (String path : paths) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            shown.append(response.body()).append('\n');
        }
        return shown.toString();
    }

    private String report() {
        LocalDate from = LocalDate.ofInstant(OLD, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(NOW, ZoneOffset.UTC).plusDays(1);
        return "/api/reports/blended?from=" + from + "&to=" + to + "&groupBy=channel&model=last_touch";
    }

    private Map<String, Object> totals() {
        Api.Response report = api.get(report());
        return report.status() == 200 ? (Map<String, Object>) report.json().get("totals") : null;
    }

    private static String month(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
