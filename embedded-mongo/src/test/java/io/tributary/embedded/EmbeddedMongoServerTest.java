package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter: a server reachable on loopback; the file store keeps what it was given across a restart. */
class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void servesTheMemoryStoreOnLoopbackUntilClosed() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.memory();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", 1));

            assertThat(client.getDatabase("d").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void keepsTheFileStoresDocumentsAndIndexesAcrossARestart() {
        Path data = dir.resolve("missing/yet");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(data);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");
            c.createIndex(new Document("at", -1));
            c.insertOne(new Document("_id", 1).append("at", 5));
            server.flush();
        }

        assertThat(data.resolve(EmbeddedMongoServer.FILE_NAME)).isRegularFile();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(data);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("d").getCollection("c");

            assertThat(c.find().first()).isEqualTo(new Document("_id", 1).append("at", 5));
            assertThat(c.listIndexes().map(i -> i.getString("name"))).contains("at_-1");
        }
    }
}
