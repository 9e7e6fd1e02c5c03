package io.tributary.app.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;

/** The same collection on an indexed embedded store and on the plain one, written to alike. */
final class TwoStores implements AutoCloseable {

    private final MongoServer indexedServer;
    private final MongoServer plainServer;
    private final MongoClient indexedClient;
    private final MongoClient plainClient;
    final MongoCollection<Document> indexed;
    final MongoCollection<Document> plain;

    TwoStores(MongoBackend indexedBackend) {
        indexedServer = new MongoServer(indexedBackend);
        plainServer = new MongoServer(new MemoryBackend());
        indexedClient = MongoClients.create("mongodb://" + hostPort(indexedServer));
        plainClient = MongoClients.create("mongodb://" + hostPort(plainServer));
        indexed = indexedClient.getDatabase("test").getCollection("c");
        plain = plainClient.getDatabase("test").getCollection("c");
    }

    MongoDatabase indexedDatabase() {
        return indexedClient.getDatabase("test");
    }

    TwoStores() {
        this(new IndexedMemoryBackend());
    }

    static String hostPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }

    /** The documents carry their {@code _id}, so both stores get the same. */
    void insert(List<Document> documents) {
        indexed.insertMany(documents);
        plain.insertMany(documents);
    }

    void createIndex(Document keys, boolean unique) {
        indexed.createIndex(keys, new IndexOptions().unique(unique));
        plain.createIndex(keys, new IndexOptions().unique(unique));
    }

    @Override
    public void close() {
        indexedClient.close();
        plainClient.close();
        indexedServer.shutdownNow();
        plainServer.shutdownNow();
    }
}
