package io.tributary.app.identity.dryrun;

import static io.tributary.app.TrackedEvents.webhook;
import static io.tributary.app.TrackedEvents.with;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Applying identity rules restates the live profiles as the dry-run's two replays differ: a lower email limit splits
 * the merge it would have refused, and the limit raised again merges the two people back. Its own store (a property
 * of its own), since an apply restates every profile of the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "tributary.identity.operations.shutdown-wait=29s")
@DirtiesContext
class IdentityRulesRestatementTest {

    private static final Duration READ_SIDE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Test
    void aLowerLimitSplitsTheMergeItWouldRefuseAndTheLimitRaisedAgainMergesThemBack() {
        Api api = new Api(port);
        String token = (String) api.createSource("restatement server", "server").get("token");
        String u = UUID.randomUUID().toString().substring(0, 8);
        String ann = "urn:anonymous_id:ann-" + u;
        String ben = "urn:anonymous_id:ben-" + u;
        String annEmail = "urn:email:ann-" + u + "@example.com";
        String benEmail = "urn:email:ben-" + u + "@example.com";
        order(api, token, List.of(ann, annEmail), "2018-06-01T10:00:00Z");
        order(api, token, List.of(ben, benEmail), "2018-06-01T11:00:00Z");
        await().atMost(READ_SIDE).until(() -> profileOf(api, ben) != null && profileOf(api, ann) != null);
        order(api, token, List.of(annEmail, benEmail), "2018-06-01T12:00:00Z");
        await().atMost(READ_SIDE).until(() -> profileOf(api, ben) != null && profileOf(api, ben).equals(profileOf(api, ann)));

        Map<String, Object> lowered = applied(api, Map.of("aliasLimits", Map.of("email", 1)));

        assertThat(lowered).containsEntry("profilesSplit", 1).containsEntry("profilesMerged", 0);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(profileOf(api, ben)).isNotNull()
                .as("the merge a one-email limit refuses is split").isNotEqualTo(profileOf(api, ann)));
        assertThat(profileOf(api, benEmail)).isEqualTo(profileOf(api, ben));

        Map<String, Object> raised = applied(api, Map.of("aliasLimits", Map.of("email", 5)));

        assertThat(raised).containsEntry("profilesMerged", 1).containsEntry("profilesSplit", 0);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(profileOf(api, ben))
                .as("the limit raised again joins them").isEqualTo(profileOf(api, ann)));
    }

    /** Runs a dry-run of the candidate rules, applies it, and answers what the apply did. */
    private static Map<String, Object> applied(Api api, Map<String, Object> candidate) {
        Api.Response started = api.admin("POST", "/api/identity/dry-runs", candidate);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = (String) started.json().get("id");
        await().atMost(READ_SIDE).until(() -> "done".equals(api.get("/api/identity/dry-runs/" + id).json().get("status")));
        Api.Response apply = api.admin("POST", "/api/identity/dry-runs/" + id + "/apply", null);
        assertThat(apply.status()).as(apply.body()).isEqualTo(202);
        await().atMost(READ_SIDE).until(() -> "applied".equals(api.get("/api/identity/dry-runs/" + id).json()
                .get("status")));
        return (Map<String, Object>) api.get("/api/identity/dry-runs/" + id).json().get("apply");
    }

    private static void order(Api api, String token, List<String> aliases, String at) {
        Map<String, Object> order = with(webhook("Placed Order", "order-" + UUID.randomUUID(), aliases),
                "properties", Map.of("total_price", "10.00", "currency", "EUR"));
        Api.Response placed = api.webhook(token, with(order, "timestamp", at));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
    }

    private static String profileOf(Api api, String alias) {
        Api.Response response = api.get("/api/profiles?alias=" + alias);
        return response.status() == 200 ? (String) response.json().get("profileId") : null;
    }
}
