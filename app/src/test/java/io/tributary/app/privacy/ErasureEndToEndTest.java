package io.tributary.app.privacy;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tributary.app.Api;
import io.tributary.app.StoredText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * Issue 18's "done means", through HTTP: a person made by the pixel and the webhook, merged, with an order and a
 * refund (and a rejected payload that quotes them), is erased; afterwards no endpoint, CSV export, read model (all rebuilt), stored document or log line
 * holds their email, phone or name, the blended report's totals are unchanged, and a new event with their email
 * does not bring them back. Its data lives on 2019-08-14, which no other test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ErasureEndToEndTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);
    private static final String DAY = "2019-08-14";
    private static final String REPORT = "/api/reports/blended?from=" + DAY + "&to=" + DAY
            + "&groupBy=channel&model=last_touch";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    Api api;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "ada.erase." + unique + "@example.com";
    private final String phone = "+4477009" + Math.abs(unique.hashCode() % 100_000);
    private final String firstName = "Adelheid" + unique;
    private final String lastName = "Lovelacewitz" + unique;
    private final String anonymousId = "anon-erase-" + unique;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void erasesAPersonEverywhereWhileReportsKeepTheirNumbers(CapturedOutput output) {
        String browserToken = (String) api.createSource("erasure shop " + unique, "browser").get("token");
        String serverToken = (String) api.createSource("erasure backend " + unique, "server").get("token");
        String orderId = "order-erase-" + unique;

        assertThat(api.collect(browserToken, List.of(with(pixel("$page_load", "pl-" + unique,
                "https://shop.example/?utm_source=newsletter&utm_medium=email", null, List.of("urn:anonymous_id:"
                        + anonymousId)), "timestamp", DAY + "T09:00:00Z"))).status()).isEqualTo(200);
        assertThat(api.webhook(serverToken, at(with(webhook("Signed Up", "su-" + unique,
                List.of("urn:email:" + email, "urn:phone:" + phone)), "profile_properties", Map.of("$email", email,
                "$phone_number", phone, "$first_name", firstName, "$last_name", lastName)), "T09:05:00Z")).status())
                .isEqualTo(200);
        assertThat(api.webhook(serverToken, at(webhook("Identified", "id-" + unique,
                List.of("urn:anonymous_id:" + anonymousId, "urn:email:" + email)), "T09:06:00Z")).status())
                .isEqualTo(200);
        assertThat(api.webhook(serverToken, at(with(webhook("Placed Order", orderId, List.of("urn:email:" + email)),
                "properties", Map.of("total_price", "120.00", "currency", "EUR", "email", email)), "T09:10:00Z"))
                .status()).isEqualTo(200);
        assertThat(api.webhook(serverToken, at(with(webhook("Refunded Order", "refund-" + unique,
                List.of("urn:email:" + email)), "properties", Map.of("order_id", orderId, "amount", "20.00",
                "currency", "EUR")), "T10:00:00Z")).status()).isEqualTo(200);

        assertThat(api.webhook(serverToken, Map.of("event_name", "", "properties", Map.of("note", "call " + phone),
                "aliases", List.of("urn:email:" + email))).status()).isEqualTo(400);
        await().atMost(READ_SIDE).until(() -> api.get("/api/events?status=rejected").body().contains(email));

        String profileId = await().atMost(READ_SIDE).until(() -> profileWithAlias(), id -> id != null
                && ((List<?>) api.get("/api/profiles/" + id).json().get("mergedProfileIds")).size() == 1
                && ((Number) api.get("/api/profiles/" + id).json().get("eventCount")).intValue() >= 5);
        Map<String, Object> totalsBefore = await().atMost(READ_SIDE).until(this::totals,
                totals -> totals != null && "100.00".equals(String.valueOf(totals.get("netRevenue")))
                        && "1".equals(String.valueOf(totals.get("sessions"))));
        String export = await().atMost(READ_SIDE).until(() -> api.get("/api/profiles/" + profileId + "/export").body(),
                body -> body.contains("profiles_merged"));
        assertThat(export).contains(email, phone, firstName,
                lastName, orderId, "Signed Up", "profiles_merged");

        Api.Response erase = api.admin("POST", "/api/profiles/" + profileId + "/erase",
                Map.of("reason", "GDPR Art. 17 request #" + unique));

        assertThat(erase.status()).isEqualTo(202);
        assertThat((List<?>) erase.json().get("erasedProfileIds")).hasSize(2);
        Erasures.awaitErased(api, profileId);

        assertThat(everythingTheApiShows(profileId)).doesNotContain(email, phone, firstName, lastName)
                .contains(orderId, "[erased]");
        assertThat(StoredText.of(database)).doesNotContain(email, phone, firstName, lastName);
        assertThat(totals()).isEqualTo(totalsBefore);
        assertThat(api.get("/api/identity/suppressions").body()).contains("h1:").doesNotContain(email, phone);

        Map<String, Object> later = api.webhook(serverToken, at(with(webhook("Placed Order", "order-later-" + unique,
                List.of("urn:email:" + email)), "profile_properties", Map.of("$email", email)), "T11:00:00Z")).json();

        assertThat(later).containsEntry("status", "accepted");
        assertThat(later.get("profile_id")).isNotEqualTo(profileId);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(api.get("/api/events?eventId=order-later-" + unique)
                .body()).contains("order-later-").doesNotContain(email));
        assertThat(api.get("/api/profiles?alias=urn:email:" + email).status()).isEqualTo(404);
        assertThat(output.getAll()).doesNotContain(email, phone, firstName, lastName);
    }

    @Test
    void refusesAnErasureWithoutAReason() {
        Api.Response refused = api.admin("POST", "/api/profiles/no-such-profile/erase", Map.of("why", "x"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("reason");
    }

    private String everythingTheApiShows(String profileId) {
        List<String> paths = new ArrayList<>(List.of("/api/profiles/" + profileId, "/api/profiles/" + profileId
                + "/history", "/api/profiles/" + profileId + "/sessions", "/api/profiles/" + profileId + "/export",
                "/api/events?profileId=" + profileId, "/api/events?limit=500", "/api/events?status=rejected",
                "/api/events/export.csv",
                "/api/events/export.csv?from=" + DAY + "T00:00:00Z&to=" + DAY + "T23:59:59Z",
                "/api/data-quality?from=" + DAY + "T00:00:00Z&to=" + DAY + "T23:59:59Z", REPORT,
                "/api/identity/suppressions"));
        StringBuilder shown = new StringBuilder();
        for (String path : paths) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            shown.append(response.body()).append('\n');
        }
        return shown.toString();
    }

    private String profileWithAlias() {
        Api.Response found = api.get("/api/profiles?alias=urn:email:" + email);
        return found.status() == 200 ? (String) found.json().get("profileId") : null;
    }

    private Map<String, Object> totals() {
        Api.Response report = api.get(REPORT);
        return report.status() == 200 ? (Map<String, Object>) report.json().get("totals") : null;
    }

    private static Map<String, Object> at(Map<String, Object> event, String time) {
        Map<String, Object> timed = new LinkedHashMap<>(event);
        timed.put("timestamp", DAY + time);
        return timed;
    }
}
