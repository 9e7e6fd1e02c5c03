package io.tributary.app.identity;

import static io.tributary.app.TrackedEvents.pixel;
import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.app.Api;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Merge and split by hand through HTTP, the merge stream export applied to an empty graph, and as-of reads. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ManualMergeAndSplitTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(90);

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
    void mergesTwoProfilesByHandThenSplitsThemBackExactly() {
        String ann = anon();
        String bob = anon();
        page(ann, "2019-09-01T10:00:00Z", "https://shop.example/?utm_source=newsletter&utm_medium=email");
        page(bob, "2019-09-01T11:00:00Z", "https://shop.example/?gclid=g1");
        webhookEvent(List.of(bob), "2019-09-01T11:02:00Z", Map.of("plan", "gold"));
        String annId = awaitProfile(ann);
        String bobId = awaitProfile(bob);
        Instant beforeMerge = Instant.now();

        Api.Response merged = api.admin("POST", "/api/profiles/" + annId + "/merge",
                Map.of("otherProfileId", bobId, "reason", "same person, support ticket 12"));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json()).containsEntry("outcome", "merged").containsEntry("profileId", annId);
        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> profile = api.get("/api/profiles/" + bobId).json();
            assertThat(profile).containsEntry("profileId", annId).containsEntry("eventCount", 3);
            assertThat((List<String>) profile.get("aliases")).contains(ann, bob);
            assertThat(api.get("/api/profiles/" + annId + "/sessions").jsonList()).hasSize(2);
        });
        Map<String, Object> then = api.get("/api/profiles/" + annId + "?asOf=" + beforeMerge).json();
        assertThat((List<String>) then.get("aliases")).containsExactly(ann);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat((List<String>) api.get("/api/profiles/" + annId
                + "?asOf=" + Instant.now()).json().get("aliases")).as("once the decisions' read model has the merge")
                .contains(ann, bob));

        Api.Response split = api.admin("POST", "/api/profiles/" + annId + "/split",
                Map.of("mergedProfileId", bobId, "reason", "not the same person after all"));

        assertThat(split.status()).as(split.body()).isEqualTo(200);
        assertThat(split.json()).containsEntry("outcome", "split").containsEntry("others", List.of(bobId));
        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, Object> bobNow = api.get("/api/profiles/" + bobId).json();
            assertThat(bobNow).containsEntry("profileId", bobId).containsEntry("eventCount", 2);
            assertThat((List<String>) bobNow.get("aliases")).containsExactly(bob);
            assertThat((Map<String, Object>) bobNow.get("properties")).containsEntry("plan", "gold");
            Map<String, Object> annNow = api.get("/api/profiles/" + annId).json();
            assertThat(annNow).containsEntry("eventCount", 1).containsEntry("mergedProfileIds", List.of());
            assertThat((Map<String, Object>) annNow.get("properties")).doesNotContainKey("plan");
            assertThat(api.get("/api/profiles/" + bobId + "/sessions").jsonList())
                    .singleElement().satisfies(s -> assertThat(s).containsEntry("channel", "Google Ads"));
            assertThat(api.get("/api/profiles/" + annId + "/sessions").jsonList()).hasSize(1);
            assertThat(api.get("/api/profiles/" + annId + "/history").jsonList()).extracting(d -> d.get("decision"))
                    .contains("profiles_merged", "profile_split");
        });
        page(bob, "2019-09-02T09:00:00Z", "https://shop.example/");
        page(ann, "2019-09-02T09:01:00Z", "https://shop.example/");
        assertThat(awaitProfile(bob)).as("a split stays split").isEqualTo(bobId);

        Api.Response again = api.admin("POST", "/api/profiles/" + annId + "/merge",
                Map.of("otherProfileId", bobId, "reason", "it was him after all"));
        assertThat(again.json()).containsEntry("outcome", "merged");
        Api.Response byAlias = api.admin("POST", "/api/profiles/" + annId + "/split",
                Map.of("aliases", List.of(bob), "reason", "no, really not"));
        assertThat(byAlias.status()).as(byAlias.body()).isEqualTo(200);
        assertThat(byAlias.json()).containsEntry("others", List.of(bobId));
    }

    @Test
    void recordsARefusedManualMergeWithItsRule() {
        String one = "urn:user_id:" + UUID.randomUUID();
        String two = "urn:user_id:" + UUID.randomUUID();
        webhookEvent(List.of(one), "2019-09-03T10:00:00Z", Map.of());
        webhookEvent(List.of(two), "2019-09-03T10:01:00Z", Map.of());
        String oneId = awaitProfile(one);
        String twoId = awaitProfile(two);

        Api.Response refused = api.admin("POST", "/api/profiles/" + oneId + "/merge",
                Map.of("otherProfileId", twoId, "reason", "looks alike"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json()).containsEntry("outcome", "merge_blocked").containsEntry("rule", "limit:user_id:1");
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(api.get("/api/profiles/" + twoId + "/history").jsonList())
                .anySatisfy(d -> assertThat(d).containsEntry("decision", "merge_blocked")
                        .containsEntry("rule", "limit:user_id:1").containsEntry("otherProfileId", oneId)));
        assertThat(api.get("/api/identity/merges.csv").body()).contains("merge_blocked," + oneId + "," + twoId);
    }

    @Test
    void refusesBadRequestsNamingEveryField() {
        String ann = anon();
        page(ann, "2019-09-04T10:00:00Z", "https://shop.example/");
        String annId = awaitProfile(ann);

        Api.Response split = api.admin("POST", "/api/profiles/" + annId + "/split", Map.of("aliases", List.of("")));
        assertThat(split.status()).isEqualTo(400);
        assertThat((List<Map<String, Object>>) split.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("aliases[0]", "reason");
        Api.Response merge = api.admin("POST", "/api/profiles/" + annId + "/merge", Map.of());
        assertThat((List<Map<String, Object>>) merge.json().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("otherProfileId", "reason");
        assertThat(api.admin("POST", "/api/profiles/" + annId + "/merge",
                Map.of("otherProfileId", "nobody", "reason", "x")).status()).isEqualTo(404);
        assertThat(api.admin("POST", "/api/profiles/" + annId + "/split",
                Map.of("mergedProfileId", "nobody", "reason", "x")).status()).isEqualTo(422);
        assertThat(api.get("/api/identity/merges.csv?from=yesterday").status()).isEqualTo(400);
        assertThat(api.send("POST", "/api/profiles/" + annId + "/merge", "application/json", "{}").status())
                .as("identity operations need the admin token").isEqualTo(401);
    }

    /**
     * A generated shop: shoppers on several devices, some devices shared, an operator's split. The merge stream,
     * applied in order to an empty graph by the few lines of {@link #replay}, gives every alias the profile the
     * live read model gives it.
     */
    @Test
    void theMergeStreamRebuildsTheLiveProfilesFromAnEmptyGraph() throws IOException {
        Random random = new Random(17);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            devices.add(anon());
        }
        List<String> aliases = new ArrayList<>(devices);
        Instant at = Instant.parse("2019-10-01T08:00:00Z");
        for (int shopper = 0; shopper < 12; shopper++) {
            String email = "urn:email:shopper-" + shopper + "-" + UUID.randomUUID() + "@example.com";
            aliases.add(email);
            for (int visit = 0; visit < 3; visit++) {
                at = at.plusSeconds(600);
                webhookEvent(List.of(devices.get(random.nextInt(devices.size())), email), at.toString(), Map.of());
            }
        }
        awaitProfile(aliases.get(aliases.size() - 1));
        await().atMost(READ_SIDE).until(() -> firstMergedProfile(aliases) != null);
        Map<String, Object> merged = firstMergedProfile(aliases);
        String survivor = (String) merged.get("profileId");
        String other = ((List<String>) merged.get("mergedProfileIds")).get(0);
        assertThat(api.admin("POST", "/api/profiles/" + survivor + "/split",
                Map.of("mergedProfileId", other, "reason", "operator's call")).status()).isEqualTo(200);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            Map<String, String> replayed = replay(api.get("/api/identity/merges.csv").body());
            for (String alias : aliases) {
                Map<String, Object> live = api.get("/api/profiles?alias=" + alias).json();
                assertThat(replayed.get(alias)).as(alias).isEqualTo(live.get("profileId"));
            }
        });
    }

    /** Another system's whole job: apply the rows in order; an alias belongs to the profile its owner resolves to. */
    private static Map<String, String> replay(String csv) throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, String> mergedInto = new HashMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            String[] rowAliases = row.get("aliases").isEmpty() ? new String[0] : row.get("aliases").split(" ");
            switch (row.get("decision")) {
                case "alias_linked" -> {
                    for (String alias : rowAliases) {
                        owners.put(alias, row.get("profile_id"));
                    }
                }
                case "profiles_merged" -> mergedInto.put(row.get("other_profile_id"), row.get("profile_id"));
                case "profile_split" -> {
                    mergedInto.remove(row.get("other_profile_id"));
                    for (String alias : rowAliases) {
                        owners.put(alias, row.get("other_profile_id"));
                    }
                }
                default -> { }
            }
        }
        Map<String, String> resolved = new HashMap<>();
        owners.forEach((alias, owner) -> {
            String current = owner;
            while (mergedInto.containsKey(current)) {
                current = mergedInto.get(current);
            }
            resolved.put(alias, current);
        });
        return resolved;
    }

    private Map<String, Object> firstMergedProfile(List<String> aliases) {
        for (String alias : aliases) {
            Map<String, Object> profile = api.get("/api/profiles?alias=" + alias).json();
            if (!((List<?>) profile.get("mergedProfileIds")).isEmpty()) {
                return profile;
            }
        }
        return null;
    }

    private String awaitProfile(String alias) {
        await().atMost(READ_SIDE).until(() -> api.get("/api/profiles?alias=" + alias).status() == 200);
        return (String) api.get("/api/profiles?alias=" + alias).json().get("profileId");
    }

    private void page(String alias, String timestamp, String url) {
        Api.Response response = api.collect(browserToken, List.of(with(pixel("$page_load", null, url, null,
                List.of(alias)), "timestamp", timestamp)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private void webhookEvent(List<String> aliases, String timestamp, Map<String, Object> profileProperties) {
        Map<String, Object> event = with(webhook("Signed Up", UUID.randomUUID().toString(), aliases), "timestamp",
                timestamp);
        with(event, "profile_properties", new LinkedHashMap<>(profileProperties));
        Api.Response response = api.webhook(serverToken, event);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String anon() {
        return "urn:anonymous_id:" + UUID.randomUUID();
    }
}
