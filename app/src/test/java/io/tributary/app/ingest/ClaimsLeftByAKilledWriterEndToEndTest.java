package io.tributary.app.ingest;

import static io.tributary.app.TrackedEvents.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.tributary.api.secret.KeyedHash;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.Api;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Through HTTP: what a node killed between its claims and its events leaves behind (an alias owner and a dedup key
 * naming an event the store never got) does not swallow the retried event; what a committed request claims is
 * confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClaimsLeftByAKilledWriterEndToEndTest {

    private static final String DEAD_PROFILE = "profile-of-a-killed-writer";

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    @Autowired
    SecretBox secretBox;
    Api api;
    String token;
    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void source() {
        api = new Api(port);
        token = (String) api.createSource("killed writer " + unique, "server").get("token");
    }

    @Test
    void aRetryAfterAKilledWriterIsRecordedNotAnsweredAsADuplicate() {
        String email = "urn:email:retry-" + unique + "@example.com";
        String orderId = "order-retried-" + unique;
        KeyedHash hash = secretBox.keyedHash();
        Date aMinuteAgo = Date.from(Instant.now().minusSeconds(60));
        database.getCollection("alias_owners").insertOne(new Document("_id", hash.hash(email))
                .append("profileId", DEAD_PROFILE).append("proof", "event-never-stored").append("claimedAt", aMinuteAgo));
        database.getCollection("dedup_keys").insertOne(new Document("_id", hash.hash("Placed Order\u001f" + orderId))
                .append("recordId", "record-never-stored").append("sourceId", "some-source")
                .append("profileId", DEAD_PROFILE).append("fingerprint", "fp").append("eventTime", aMinuteAgo)
                .append("eventNanos", 0).append("proof", "event-never-stored").append("claimedAt", aMinuteAgo));

        Map<String, Object> retried = api.webhook(token, webhook("Placed Order", orderId, List.of(email))).json();

        assertThat(retried).containsEntry("status", "accepted");
        assertThat(retried.get("profile_id")).isNotNull().isNotEqualTo(DEAD_PROFILE);
        assertThat(owner(email)).containsEntry("profileId", retried.get("profile_id")).doesNotContainKey("proof");
    }

    @Test
    void whatACommittedRequestClaimsIsConfirmed() {
        String email = "urn:email:kept-" + unique + "@example.com";

        Map<String, Object> accepted = api.webhook(token, webhook("Signed Up", "su-" + unique, List.of(email))).json();

        assertThat(accepted).containsEntry("status", "accepted");
        assertThat(owner(email)).containsEntry("profileId", accepted.get("profile_id"))
                .doesNotContainKeys("proof", "claimedAt");
    }

    private Document owner(String alias) {
        return database.getCollection("alias_owners").find(Filters.eq("_id", secretBox.keyedHash().hash(alias)))
                .first();
    }
}
