package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.secret.SecretBox;
import io.tributary.app.marketing.connector.MarketingConnection;
import io.tributary.embedded.EmbeddedMongoServer;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketingConnectionsTest {

    private static final SecretBox BOX = SecretBox.fromKey(SecretBox.generateKey());
    private static final Map<String, String> GOOGLE = Map.of("developerToken", "dev-token-0123456789",
            "refreshToken", "refresh-token-abcdef", "clientSecret", "client-secret-xyz");

    private static EmbeddedMongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.memory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void keepsEveryCredentialSealedAndAnswersItInClear() {
        MongoDatabase database = freshDatabase();
        MarketingConnections connections = new MarketingConnections(database, BOX);

        connections.save(new MarketingConnection("g1", AdPlatform.GOOGLE, "1234567890", "EUR", null, Map.of(), GOOGLE));
        connections.replaceCredentials("g1", Map.of("accessToken", "access-token-replaced"));

        assertThat(connections.find("g1")).get().extracting(MarketingConnection::credentials)
                .isEqualTo(Map.of("accessToken", "access-token-replaced"));
        Document stored = database.getCollection("marketing_connections").find().first();
        assertThat(stored.get("credentials", Document.class).getString("accessToken")).startsWith(SecretBox.PREFIX);
        assertThat(stored.toJson()).doesNotContain("access-token-replaced");
    }

    @Test
    void sealsCredentialsAnOlderVersionKeptInClearWhenItStarts() {
        MongoDatabase database = freshDatabase();
        database.getCollection("marketing_connections").insertOne(new Document("_id", "g1").append("platform", "GOOGLE")
                .append("accountId", "1234567890").append("currency", "EUR").append("options", new Document())
                .append("credentials", new Document(GOOGLE)));

        MarketingConnections connections = new MarketingConnections(database, BOX);

        Document stored = database.getCollection("marketing_connections").find().first();
        assertThat(stored.toJson()).doesNotContain("dev-token-0123456789", "refresh-token-abcdef", "client-secret-xyz");
        assertThat(connections.find("g1")).get().extracting(MarketingConnection::credentials).isEqualTo(GOOGLE);
    }

    @Test
    void refusesToStartWithAKeyThatDoesNotOpenTheStoredCredentials() {
        MongoDatabase database = freshDatabase();
        new MarketingConnections(database, BOX).save(new MarketingConnection("g1", AdPlatform.GOOGLE, "1234567890",
                "EUR", null, Map.of(), GOOGLE));

        assertThatThrownBy(() -> new MarketingConnections(database, SecretBox.fromKey(SecretBox.generateKey())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not open with this TRIBUTARY_SECRET_KEY");
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
