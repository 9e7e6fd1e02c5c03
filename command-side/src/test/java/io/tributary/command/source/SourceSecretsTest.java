package io.tributary.command.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.intake.CommerceCredentials;
import io.tributary.api.secret.SecretBox;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.SigningSecretRotated;
import io.tributary.api.source.SourceType;
import io.tributary.command.support.InMemoryMongo;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SourceSecretsTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final SecretBox BOX = SecretBox.fromKey(SecretBox.generateKey());
    private static final CommerceStore CLEAR = new CommerceStore("https://shop.example", "whsec-1", null, "ck_1", "cs_1");

    @Test
    void answersClearCredentialsFromSealedEventsAndKeepsThemSealed() {
        MongoDatabase database = MONGO.freshDatabase();
        SourceSecrets secrets = new SourceSecrets(database, BOX);

        secrets.on(new CommerceStoreConnected("woo", SourceType.WOOCOMMERCE, CLEAR.withSecrets(BOX::seal), AT));

        assertThat(secrets.find("woo")).get().satisfies(credentials -> {
            assertThat(credentials.signingSecret()).isEqualTo("whsec-1");
            assertThat(credentials.consumerKey()).isEqualTo("ck_1");
            assertThat(credentials.consumerSecret()).isEqualTo("cs_1");
        });
        assertAllSealed(database.getCollection("source_secrets").find().first());
    }

    @Test
    void answersClearCredentialsFromEventsStoredInClearBeforeSealingAndSealsThemAtRest() {
        MongoDatabase database = MONGO.freshDatabase();
        SourceSecrets secrets = new SourceSecrets(database, BOX);

        secrets.on(new CommerceStoreConnected("woo", SourceType.WOOCOMMERCE, CLEAR, AT));
        secrets.on(new SigningSecretRotated("woo", "whsec-1", "whsec-2", AT.plusSeconds(60), AT));

        CommerceCredentials credentials = secrets.find("woo").orElseThrow();
        assertThat(credentials.signingSecret()).isEqualTo("whsec-2");
        assertThat(credentials.previousSecret()).isEqualTo("whsec-1");
        assertAllSealed(database.getCollection("source_secrets").find().first());
    }

    @Test
    void sealsSecretsAnOlderVersionKeptInClearWhenItStarts() {
        MongoDatabase database = MONGO.freshDatabase();
        database.getCollection("source_secrets").insertOne(new Document("_id", "shop").append("type", "SHOPIFY")
                .append("enabled", true).append("storeUrl", "acme.myshopify.com").append("signingSecret", "whsec-old")
                .append("adminApiToken", "shpat_old").append("consumerKey", null).append("consumerSecret", null));

        SourceSecrets secrets = new SourceSecrets(database, BOX);

        Document stored = database.getCollection("source_secrets").find().first();
        assertThat(stored.getString("signingSecret")).startsWith(SecretBox.PREFIX);
        assertThat(stored.getString("adminApiToken")).startsWith(SecretBox.PREFIX);
        assertThat(stored.toJson()).doesNotContain("whsec-old", "shpat_old");
        assertThat(secrets.find("shop")).get().satisfies(found -> {
            assertThat(found.signingSecret()).isEqualTo("whsec-old");
            assertThat(found.adminApiToken()).isEqualTo("shpat_old");
        });
    }

    @Test
    void refusesToStartWithAKeyThatDoesNotOpenTheStoredSecrets() {
        MongoDatabase database = MONGO.freshDatabase();
        new SourceSecrets(database, BOX).on(new CommerceStoreConnected("woo", SourceType.WOOCOMMERCE, CLEAR, AT));

        assertThatThrownBy(() -> new SourceSecrets(database, SecretBox.fromKey(SecretBox.generateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not open with this TRIBUTARY_SECRET_KEY");
    }

    private static void assertAllSealed(Document stored) {
        for (String field : new String[] {"signingSecret", "consumerKey", "consumerSecret"}) {
            assertThat(stored.getString(field)).as(field).startsWith(SecretBox.PREFIX);
        }
        assertThat(stored.toJson()).doesNotContain("whsec-1", "whsec-2", "ck_1", "cs_1");
    }
}
