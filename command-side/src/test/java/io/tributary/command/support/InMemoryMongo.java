package io.tributary.command.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded store in memory, with the ordered indexes the app runs on, for a test class, reached over the wire as the app reaches
 * it: register it as a static {@code @RegisterExtension} field and take a {@link #freshDatabase()} per test.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongoServer.memory();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
