package io.tributary.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.List;
import org.bson.Document;

/** The same collection on an indexed embedded store and on the plain one, written to alike. */
final class TwoStores implements AutoCloseable {

    private final EmbeddedMongoServer indexedServer;
    private final EmbeddedMongoServer plainServer;
    private final MongoClient indexedClient;
    private final MongoClient plainClient;
    final MongoCollection<Document> indexed;
    final MongoCollection<Document> plain;

    TwoStores(EmbeddedMongoServer indexedServer) {
        this.indexedServer = indexedServer;
        plainServer = EmbeddedMongoServer.unindexedMemory();
        indexedClient = MongoClients.create(indexedServer.connectionString());
        plainClient = MongoClients.create(plainServer.connectionString());
        indexed = indexedClient.getDatabase("test").getCollection("c");
        plain = plainClient.getDatabase("test").getCollection("c");
    }

    MongoDatabase indexedDatabase() {
        return indexedClient.getDatabase("test");
    }

    TwoStores() {
        this(EmbeddedMongoServer.memory());
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
        indexedServer.close();
        plainServer.close();
    }
}
