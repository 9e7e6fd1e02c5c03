package io.tributary.command.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process mongo-java-server on the memory backend for a test class, reached over the wire as the app reaches
 * it: register it as a static {@code @RegisterExtension} field and take a {@link #freshDatabase()} per test.
 */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private MongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
