package io.tributary.query.support;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import io.tributary.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/** One embedded store in memory (with the app's ordered indexes) per test class, and a fresh database per test. */
public abstract class EmbeddedMongo {

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static String uri;

    protected MongoDatabase database;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.memory();
        uri = server.connectionString();
        client = MongoClients.create(uri);
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    /** Another client of the same server, that tells {@code listener} each command it sends; close it after use. */
    protected static MongoClient client(CommandListener listener) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(listener).build());
    }

    @BeforeEach
    void freshDatabase() {
        database = anotherDatabase();
    }

    /** A fresh database besides {@link #database}. */
    protected static MongoDatabase anotherDatabase() {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
