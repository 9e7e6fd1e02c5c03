package io.tributary.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminTokenTest {

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
    void keepsOnlyASaltedHashOfAGeneratedToken() {
        MongoDatabase database = freshDatabase();

        AdminToken token = new AdminToken(properties(null), database);

        Document stored = settings(database);
        assertThat(stored).containsOnlyKeys("_id", "salt", "sha256");
        assertThat(stored.getString("sha256")).hasSize(64);
        assertThat(token.matches(stored.getString("sha256"))).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void migratesATokenAnOlderVersionStoredInClearToItsHash() {
        MongoDatabase database = freshDatabase();
        database.getCollection("settings").insertOne(new Document("_id", "admin-token").append("value", "legacy-admin-token"));

        AdminToken token = new AdminToken(properties(null), database);

        assertThat(settings(database)).containsOnlyKeys("_id", "salt", "sha256");
        assertThat(settings(database).toJson()).doesNotContain("legacy-admin-token");
        assertThat(token.matches("legacy-admin-token")).isTrue();
        assertThat(token.matches("legacy-admin-tokem")).isFalse();
        assertThat(new AdminToken(properties(null), database).matches("legacy-admin-token"))
                .as("after a restart, from the hash alone").isTrue();
    }

    @Test
    void matchesAConfiguredTokenAndStoresNothing() {
        MongoDatabase database = freshDatabase();

        AdminToken token = new AdminToken(properties("configured-token"), database);

        assertThat(token.matches("configured-token")).isTrue();
        assertThat(token.matches("configured-token ")).isFalse();
        assertThat(settings(database)).isNull();
    }

    private static Document settings(MongoDatabase database) {
        return database.getCollection("settings").find().first();
    }

    private static TributaryProperties properties(String adminToken) {
        return new TributaryProperties(adminToken, null, "memory", null, null, null, null, null, null);
    }

    private static MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
