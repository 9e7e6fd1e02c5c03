package io.tributary.app.identity;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The "done means" of issue 17: a shop email typed by two visitors glues them (and a third) into one profile.
 * Quarantining it with {@code split: true} undoes every merge it caused, and sessions, the event log and the
 * blended report then equal those of a control run, on another day, where the email never arrived.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SharedEmailSplitScenarioTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);
    private static final String LIVE_DAY = "2019-02-05";
    private static final String CONTROL_DAY = "2019-06-05";

    @LocalServerPort
    int port;
    Api api;
    String serverToken;
    String browserToken;

    @BeforeEach
    void sources() {
        api = new Api(port);
        String u = UUID.randomUUID().toString().substring(0, 8);
        serverToken = (String) api.createSource("shop server " + u, "server").get("token");
        browserToken = (String) api.createSource("shop web " + u, "browser").get("token");
    }

    @Test
    void quarantiningASharedEmailWithSplitEqualsARunWhereTheEmailNeverArrived() {
        Shoppers live = shop(LIVE_DAY, true);
        Shoppers control = shop(CONTROL_DAY, false);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(profileOf(live.bob)).isEqualTo(profileOf(live.alice)).isEqualTo(profileOf(live.carol));
            assertThat(sessions(control.bob)).hasSize(2);
            assertThat(report(CONTROL_DAY)).isNotEmpty();
        });
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(report(LIVE_DAY)).as("the wrong merge credits Bob's order to Alice's first touch")
                        .isNotEqualTo(report(CONTROL_DAY)));

        Api.Response quarantined = api.admin("POST", "/api/identity/quarantine",
                Map.of("alias", live.email.toUpperCase(), "reason", "the shop's own address, typed by visitors",
                        "split", true));

        assertThat(quarantined.status()).as(quarantined.body()).isEqualTo(201);
        assertThat(quarantined.json()).containsEntry("outcome", "quarantined");
        assertThat((List<String>) quarantined.json().get("others")).hasSize(2);
        await().atMost(READ_SIDE).untilAsserted(() -> {
            for (String[] pair : List.of(new String[] {live.alice, control.alice}, new String[] {live.bob, control.bob},
                    new String[] {live.carol, control.carol})) {
                assertThat(sessions(pair[0])).as("sessions of " + pair[0]).isEqualTo(sessions(pair[1]));
                assertThat(eventLog(pair[0])).as("event log of " + pair[0]).isEqualTo(eventLog(pair[1]));
            }
            assertThat(report(LIVE_DAY)).isEqualTo(report(CONTROL_DAY));
        });
        assertThat(profileOf(live.bob)).isNotEqualTo(profileOf(live.alice));
        assertThat(api.get("/api/identity/quarantine").jsonList())
                .anySatisfy(q -> assertThat(q).containsEntry("alias", live.email)
                        .containsEntry("reason", "the shop's own address, typed by visitors"));
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(history(live.alice))
                .extracting(d -> d.get("decision")).containsSubsequence("profiles_merged", "profile_split"));
    }

    @Test
    void aQuarantinedValueStitchesNothingFromThenOnAndLiftingItLetsItStitchAgain() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String junk = "urn:phone:+1555" + Math.abs(u.hashCode());
        String first = anon();
        String second = anon();
        Api.Response put = api.admin("POST", "/api/identity/quarantine", Map.of("alias", junk, "reason", "test number"));
        assertThat(put.status()).isEqualTo(201);

        event(List.of(first, junk), "2019-08-01T10:00:00Z", "Signed Up");
        event(List.of(second, junk), "2019-08-01T11:00:00Z", "Signed Up");

        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(profileOf(first)).isNotNull().isNotEqualTo(profileOf(second));
            assertThat(history(first)).anySatisfy(d -> assertThat(d).containsEntry("decision", "alias_blocked")
                    .containsEntry("rule", "blocked_value"));
        });
        Api.Response lifted = api.admin("DELETE", "/api/identity/quarantine?alias=" + URLEncoder.encode(junk, StandardCharsets.UTF_8), null);
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(api.admin("DELETE", "/api/identity/quarantine?alias=" + URLEncoder.encode(junk, StandardCharsets.UTF_8), null).status()).isEqualTo(404);
        event(List.of(first, junk), "2019-08-01T12:00:00Z", "Signed Up");
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat((List<String>) api.get("/api/profiles/" + profileOf(first)).json().get("aliases")).contains(junk));
    }

    @Test
    void flagsAValueThatGluesMoreThanTenProfilesAsAnIdentityMagnet() {
        String shared = "urn:email:front-desk-" + UUID.randomUUID() + "@shop.example";
        String lonely = "urn:email:" + UUID.randomUUID() + "@example.com";
        List<String> visitors = new java.util.ArrayList<>();
        for (int visitor = 0; visitor < 11; visitor++) {
            visitors.add(anon());
            event(List.of(visitors.get(visitor)), "2019-11-01T08:" + (10 + visitor) + ":00Z", "Viewed Product");
        }
        for (int visitor = 0; visitor < 11; visitor++) {
            event(List.of(visitors.get(visitor), shared), "2019-11-02T10:" + (10 + visitor) + ":00Z", "Signed Up");
        }
        event(List.of(anon(), lonely), "2019-11-02T12:00:00Z", "Signed Up");

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> quality = api.get("/api/data-quality?from=2019-10-30T00:00:00Z&to=2019-11-06T00:00:00Z")
                    .json();
            List<Map<String, Object>> warnings = (List<Map<String, Object>>) quality.get("identityWarnings");
            assertThat(warnings).anySatisfy(w -> assertThat(w).containsEntry("kind", "identity_magnet")
                    .containsEntry("property", shared).containsEntry("detail", "shared_value")
                    .containsEntry("count", 11));
            assertThat(warnings).noneSatisfy(w -> assertThat(w).containsEntry("property", lonely));
        });
    }

    @Test
    void refusesAQuarantineWithoutAliasOrReasonNamingBoth() {
        Api.Response response = api.admin("POST", "/api/identity/quarantine", Map.of("split", true));

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) response.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("alias", "reason");
    }

    /**
     * Alice buys after a Meta ad and gives the shop's email; Bob (Google ad) and Carol (organic) each type the same
     * email into a form later that day, then Bob comes back and buys. {@code withEmail} false: their forms never
     * carried it.
     */
    private Shoppers shop(String day, boolean withEmail) {
        Shoppers s = new Shoppers(anon(), anon(), anon(), "urn:email:info-" + UUID.randomUUID() + "@shop.example");
        page(s.alice, day + "T10:00:00Z", "https://shop.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=spring",
                "https://l.facebook.com/");
        order(List.of(s.alice, s.email), "a", day + "T10:05:00Z", "50.00");
        page(s.bob, day + "T12:00:00Z", "https://shop.example/?gclid=g1", "https://www.google.com/");
        event(withEmail ? List.of(s.bob, s.email) : List.of(s.bob), day + "T12:05:00Z", "Signed Up");
        page(s.carol, day + "T13:00:00Z", "https://shop.example/", "https://duckduckgo.com/");
        event(withEmail ? List.of(s.carol, s.email) : List.of(s.carol), day + "T13:05:00Z", "Signed Up");
        page(s.bob, day + "T15:00:00Z", "https://shop.example/sale", null);
        order(List.of(s.bob), "b", day + "T15:05:00Z", "80.00");
        return s;
    }

    private record Shoppers(String alice, String bob, String carol, String email) {
    }

    private void page(String alias, String timestamp, String url, String referrer) {
        Api.Response response = api.collect(browserToken, List.of(with(pixel("$page_load", null, url, referrer,
                List.of(alias)), "timestamp", timestamp)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void event(List<String> aliases, String timestamp, String name) {
        Api.Response response = api.webhook(serverToken, with(webhook(name, UUID.randomUUID().toString(), aliases),
                "timestamp", timestamp));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void order(List<String> aliases, String who, String timestamp, String total) {
        Map<String, Object> order = with(webhook("Placed Order", "order-" + who + "-" + UUID.randomUUID(), aliases),
                "properties", Map.of("total_price", total, "currency", "EUR"));
        Api.Response response = api.webhook(serverToken, with(order, "timestamp", timestamp));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String profileOf(String alias) {
        Api.Response response = api.get("/api/profiles?alias=" + alias);
        return response.status() == 200 ? (String) response.json().get("profileId") : null;
    }

    /** Each session as channel, campaign, times of day and event count: what must not depend on the day. */
    private List<String> sessions(String alias) {
        String profileId = profileOf(alias);
        if (profileId == null) {
            return List.of();
        }
        return api.get("/api/profiles/" + profileId + "/sessions").jsonList().stream()
                .map(s -> s.get("channelGroup") + "/" + s.get("channel") + "/" + s.get("campaign") + " "
                        + timeOfDay(s.get("startedAt")) + "-" + timeOfDay(s.get("lastActivityAt")) + " x"
                        + s.get("eventCount"))
                .toList();
    }

    /** Each entry of the profile's event log as name, time of day and status. */
    private List<String> eventLog(String alias) {
        String profileId = profileOf(alias);
        List<Map<String, Object>> items = (List<Map<String, Object>>) api.get("/api/events?limit=100&profileId="
                + profileId).json().get("items");
        return items.stream().map(i -> i.get("eventName") + " " + timeOfDay(i.get("timestamp")) + " " + i.get("status"))
                .sorted().toList();
    }

    /** The blended report of one day by channel, first touch: the model a wrong merge changes most. */
    private Map<String, Object> report(String day) {
        Api.Response response = api.get("/api/reports/blended?from=" + day + "&to=" + day
                + "&groupBy=channel&model=first_touch");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) response.json().get("rows");
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("channel")), r -> r.get("orders")
                + " orders " + r.get("revenue") + " revenue " + r.get("sessions") + " sessions"));
    }

    private List<Map<String, Object>> history(String alias) {
        return api.get("/api/profiles/" + profileOf(alias) + "/history").jsonList();
    }

    private static String timeOfDay(Object instant) {
        return instant == null ? null : Instant.parse(instant.toString()).toString().substring(11);
    }

    private static String anon() {
        return "urn:anonymous_id:" + UUID.randomUUID();
    }
}
