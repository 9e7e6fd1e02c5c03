package io.tributary.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.secret.SecretBox;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rejected payloads an erasure reaches: those that quote a personal alias value of the person. */
class RejectedPayloadKeysTest {

    @RegisterExtension
    static final InMemoryStore store = new InMemoryStore();

    private DataKeys keys;
    private RejectedPayloadKeys rejected;

    @BeforeEach
    void setUp() {
        MongoDatabase database = store.freshDatabase("rejected");
        keys = new DataKeys(database, SecretBox.fromKey(SecretBox.generateKey()));
        rejected = new RejectedPayloadKeys(keys, database, PrivacyProperties.DEFAULT_ALIAS_TYPES);
        database.getCollection("eventlog").insertMany(List.of(
                rejection("r-email", "{\"aliases\":[\"urn:email:Ada@Example.com\"]}"),
                rejection("r-phone", "{\"note\":\"call +441234567\"}"),
                rejection("r-other", "{\"aliases\":[\"urn:email:bob@example.com\"]}"),
                new Document("_id", "accepted-1").append("status", "accepted")
                        .append("payload", "ada@example.com")));
        List.of("r-email", "r-phone", "r-other", "accepted-1").forEach(id -> keys.keyOf(RejectedPayloadKeys.keyId(id)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "urn:email:ada@example.com                      | r-email",
        "urn:phone:+441234567                           | r-phone",
        "urn:email:ada@example.com urn:phone:+441234567 | r-email r-phone",
        "urn:anonymous_id:ada@example.com               | ",
        "urn:email:[erased]                             | ",
        "urn:user_id:ada                                | ",
        "urn:email:nobody@example.com                   | ",
    })
    void erasesTheKeysOfRejectedPayloadsQuotingAPersonalAliasValue(String aliases, String erased) {
        List<String> expected = erased == null ? List.of() : List.of(erased.trim().split("\\s+"));

        int count = rejected.eraseQuotingAliases(List.of(aliases.trim().split("\\s+")));

        assertThat(count).isEqualTo(expected.size());
        for (String id : List.of("r-email", "r-phone", "r-other", "accepted-1")) {
            assertThat(keys.existingKeyOf(RejectedPayloadKeys.keyId(id))).as(id)
                    .matches(key -> key.isEmpty() == expected.contains(id));
        }
    }

    private static Document rejection(String id, String payload) {
        return new Document("_id", id).append("status", "rejected").append("payload", payload);
    }
}
