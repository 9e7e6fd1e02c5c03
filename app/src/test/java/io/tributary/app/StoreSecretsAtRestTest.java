package io.tributary.app;

import static io.tributary.app.Stores.SHOPIFY_SECRET;
import static io.tributary.app.Stores.newOrderId;
import static io.tributary.app.Stores.shopify;
import static io.tributary.app.Stores.shopifyOrder;
import static io.tributary.app.Stores.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import io.tributary.app.config.StoredSecretEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Store secrets never lie in clear in the database; stores connected before sealing existed keep working, and their
 * stored events are sealed in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StoreSecretsAtRestTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ADMIN_API_TOKEN = "shpat_admin_token_at_rest_0123456789";
    private static final String LEGACY_SECRET = "shpss_legacy_clear_secret_0123abcd";
    private static final String LEGACY_ADMIN_API_TOKEN = "shpat_legacy_clear_token_9876";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase database;
    @Autowired
    StoredSecretEvents storedSecretEvents;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void keepsEveryStoreSecretOutOfTheDatabaseInClearAndOutOfTheApi() {
        String sourceId = (String) Stores.createShopify(api, ADMIN_API_TOKEN).get("id");
        String rotatedSecret = "shpss_rotated_at_rest_" + unique();
        assertThat(api.admin("POST", "/api/sources/" + sourceId + "/rotate-secret",
                Map.of("signingSecret", rotatedSecret)).status()).isEqualTo(200);

        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), rotatedSecret,
                unique()).status()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> assertThat((Map<String, Object>) api.get("/api/sources/" + sourceId)
                .json().get("commerce")).containsEntry("signingSecret", "****" + rotatedSecret.substring(rotatedSecret.length() - 4))
                .containsEntry("adminApiToken", "****6789"));
        assertThat(api.get("/api/sources/" + sourceId).body() + api.get("/api/sources").body())
                .doesNotContain(SHOPIFY_SECRET, rotatedSecret, ADMIN_API_TOKEN);
        assertThat(StoredText.of(database)).contains("enc:v1:")
                .doesNotContain(SHOPIFY_SECRET, rotatedSecret, ADMIN_API_TOKEN);
    }

    @Test
    void acceptsSignedWebhooksForAStoreConnectedInClearBeforeSecretsWereSealed() {
        String sourceId = "legacy-" + unique();
        Instant at = Instant.parse("2025-06-01T10:00:00Z");
        storedByAnOlderVersion(sourceId, new SourceCreated(sourceId, "Legacy shop", SourceType.SHOPIFY, unique(),
                List.of(), at), new CommerceStoreConnected(sourceId, SourceType.SHOPIFY, new CommerceStore(
                "acme-outfitters.myshopify.com", LEGACY_SECRET, LEGACY_ADMIN_API_TOKEN, null, null), at));

        await().atMost(WAIT).untilAsserted(() -> assertThat(shopify(api, sourceId, "orders/create",
                shopifyOrder(newOrderId(), Instant.now()), LEGACY_SECRET, unique()).status()).isEqualTo(200));
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), "shpss_other",
                unique()).status()).isEqualTo(401);
        await().atMost(WAIT).untilAsserted(() -> assertThat((Map<String, Object>) api.get("/api/sources/" + sourceId)
                .json().get("commerce")).containsEntry("signingSecret", "****abcd").containsEntry("adminApiToken", "****9876"));

        assertThat(storedSecretEvents.sealOnce()).as("the pass at start left its marker: no second scan").isFalse();
        assertThat(storedSecretEvents.sealSecretsStoredInClear()).as("events sealed in place").isGreaterThanOrEqualTo(1);
        assertThat(storedSecretEvents.sealSecretsStoredInClear()).as("a second pass").isZero();
        assertThat(StoredText.of(database)).doesNotContain(LEGACY_SECRET, LEGACY_ADMIN_API_TOKEN);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), LEGACY_SECRET,
                unique()).status()).as("after sealing in place").isEqualTo(200);

        String rotatedSecret = "shpss_after_legacy_" + unique();
        assertThat(api.admin("POST", "/api/sources/" + sourceId + "/rotate-secret",
                Map.of("signingSecret", rotatedSecret)).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), rotatedSecret,
                unique()).status()).isEqualTo(200);
        assertThat(shopify(api, sourceId, "orders/create", shopifyOrder(newOrderId(), Instant.now()), LEGACY_SECRET,
                unique()).status()).as("the clear secret, within its grace period").isEqualTo(200);
        assertThat(StoredText.of(database)).doesNotContain(rotatedSecret);
    }

    /** Appends events as a version before sealing wrote them: the secrets in clear, no masked copy. */
    private void storedByAnOlderVersion(String sourceId, Object... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("Source", sourceId, sequence, events[sequence]));
        }
    }
}
