package io.tributary.app.eventlog;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The event log through HTTP: one entry by record id, and the eventId and alias filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class EventLogLookupTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void findsEntriesByTheEventsIdAndByAnAliasTheyCarriedNormalisedAsIntakeDoes() {
        Api api = new Api(port);
        String token = (String) api.createSource("lookup " + unique(), "server").get("token");
        String u = unique();
        String email = "urn:email:grace." + u + "@example.com";
        String orderId = "order-" + u;
        api.webhook(token, webhook("Placed Order", orderId, List.of(email)));
        api.webhook(token, webhook("Viewed Product", "view-" + u, List.of(email, "urn:anonymous_id:anon-" + u)));
        api.webhook(token, webhook("Viewed Product", "other-" + u, List.of("urn:anonymous_id:other-" + u)));

        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(items("eventId=" + orderId)).extracting(i -> i.get("eventName")).containsExactly("Placed Order");
            assertThat(items("alias=" + "URN:Email:Grace." + u + "@Example.com")).extracting(i -> i.get("eventId"))
                    .containsExactly("view-" + u, orderId);
            assertThat(items("alias=urn:anonymous_id:anon-" + u + "&eventName=Viewed%20Product"))
                    .extracting(i -> i.get("eventId")).containsExactly("view-" + u);
        });
        assertThat(items("eventId=" + orderId + "&alias=urn:anonymous_id:other-" + u)).isEmpty();
        String csv = api.get("/api/events/export.csv?alias=urn:email:GRACE." + u + "@example.com").body();
        assertThat(csv.lines().skip(1)).hasSize(2).anySatisfy(row -> assertThat(row).contains(orderId))
                .anySatisfy(row -> assertThat(row).contains("view-" + u));
    }

    @Test
    void answersOneEntryByItsRecordIdAnd404ForAnUnknownOne() {
        Api api = new Api(port);
        String token = (String) api.createSource("lookup " + unique(), "server").get("token");
        String eventId = "one-" + unique();
        api.webhook(token, webhook("Viewed Product", eventId, List.of("urn:anonymous_id:" + unique())));
        String recordId = (String) await().atMost(READ_SIDE).until(() -> items("eventId=" + eventId), i -> i.size() == 1)
                .get(0).get("recordId");

        Map<String, Object> entry = api.get("/api/events/" + recordId).json();
        Api.Response unknown = api.get("/api/events/no-such-record");

        assertThat(api.get("/api/events/" + recordId).status()).isEqualTo(200);
        assertThat(entry).containsEntry("recordId", recordId).containsEntry("eventId", eventId)
                .containsEntry("status", "accepted");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("recordId");
    }

    @Test
    void refusesAMalformedAliasNamingTheParameter() {
        Api.Response response = new Api(port).get("/api/events?alias=email:grace@example.com&limit=0");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("alias").contains("limit");
    }

    private List<Map<String, Object>> items(String query) {
        Api.Response response = new Api(port).get("/api/events?" + query.replace("+", "%2B"));
        assertThat(response.status()).isEqualTo(200);
        return (List<Map<String, Object>>) response.json().get("items");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
