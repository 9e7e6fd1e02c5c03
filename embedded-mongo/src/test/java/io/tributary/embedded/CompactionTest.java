package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an erasure relies on: after {@code compact()}, a value overwritten or deleted is in no byte of the file. */
class CompactionTest {

    private static final String EMAIL = "erased.person@example.com";

    @TempDir
    Path dataDir;

    @Test
    void leavesNoReplacedValueInTheFile() throws IOException {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.file(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("db").getCollection("people");
            MongoCollection<Document> other = client.getDatabase("db").getCollection("other");
            for (int round = 0; round < 20; round++) {
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    batch.add(new Document("_id", round * 1000 + i).append("note", "filler " + i + " " + "x".repeat(200)));
                }
                other.insertMany(batch);
                people.insertOne(new Document("_id", "p" + round).append("email", EMAIL).append("n", round));
                server.flush();
            }
            assertThat(fileContains(EMAIL)).isTrue();

            people.updateMany(Filters.exists("email"), Updates.set("email", "[erased]"));
            people.deleteOne(Filters.eq("_id", "p0"));
            server.flush();
            server.compact();

            assertThat(fileContains(EMAIL)).isFalse();
            assertThat(people.countDocuments()).isEqualTo(19);
            assertThat(other.countDocuments()).isEqualTo(4000);
        }
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.file(dataDir);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("db").getCollection("other").countDocuments()).isEqualTo(4000);
            assertThat(client.getDatabase("db").getCollection("people").find(Filters.eq("_id", "p5")).first())
                    .containsEntry("email", "[erased]");
        }
    }

    private boolean fileContains(String value) throws IOException {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i <= bytes.length - needle.length; i++) {
                    int j = 0;
                    while (j < needle.length && bytes[i + j] == needle[j]) {
                        j++;
                    }
                    if (j == needle.length) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
