package io.tributary.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WholeOrderedInsertsTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("memory", (Supplier<EmbeddedMongoServer>) EmbeddedMongoServer::memory),
                Arguments.of("file", (Supplier<EmbeddedMongoServer>) () -> EmbeddedMongoServer.file(dir.resolve(UUID.randomUUID().toString()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anOrderedInsertThatFailsOnAUniqueKeyLeavesNoneOfItsDocuments(String name, Supplier<EmbeddedMongoServer> store) {
        try (EmbeddedMongoServer server = store.get();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = withUniqueStream(client);
            events.insertOne(event(1, "a", 0));

            assertThatThrownBy(() -> events.insertMany(List.of(event(2, "b", 0), event(3, "c", 0), event(4, "a", 0),
                    event(5, "d", 0))))
                    .isInstanceOfSatisfying(MongoBulkWriteException.class,
                            e -> assertThat(e.getWriteErrors()).singleElement().satisfies(error ->
                                    assertThat(error.getIndex()).isEqualTo(2)));

            assertThat(ids(events)).containsExactly(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void anUnorderedInsertKeepsEveryDocumentThatHadNoConflictAsMongoDbDoes(String name,
                                                                            Supplier<EmbeddedMongoServer> store) {
        try (EmbeddedMongoServer server = store.get();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = withUniqueStream(client);
            events.insertOne(event(1, "a", 0));

            assertThatThrownBy(() -> events.insertMany(List.of(event(2, "b", 0), event(3, "a", 0), event(4, "c", 0)),
                    new InsertManyOptions().ordered(false))).isInstanceOf(MongoBulkWriteException.class);

            assertThat(ids(events)).containsExactly(1, 2, 4);
        }
    }

    private static MongoCollection<Document> withUniqueStream(MongoClient client) {
        MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
        events.createIndex(new Document("aggregate", 1).append("sequence", 1), new IndexOptions().unique(true));
        return events;
    }

    private static Document event(int id, String aggregate, int sequence) {
        return new Document("_id", id).append("aggregate", aggregate).append("sequence", sequence);
    }

    private static List<Integer> ids(MongoCollection<Document> events) {
        return events.find().sort(Sorts.ascending("_id")).map(d -> d.getInteger("_id")).into(new ArrayList<>());
    }
}
