package io.tributary.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.embedded.EmbeddedMongoServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded store in memory, with the ordered indexes the app runs on, and a client connected to it over the wire, as the app runs
 * it. Each call of {@link #freshDatabase()} hands out an empty database.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedMongoServer server;
    private final MongoClient client;

    public EmbeddedMongo() {
        server = EmbeddedMongoServer.memory();
        client = MongoClients.create(server.connectionString());
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("events_" + DATABASES.incrementAndGet());
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
