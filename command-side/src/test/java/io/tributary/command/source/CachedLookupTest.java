package io.tributary.command.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.command.support.InMemoryMongo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two lookups on one collection stand for two nodes: one node's change reaches the other's cache within the TTL. */
class CachedLookupTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private final AtomicLong nanos = new AtomicLong();
    private final MongoCollection<Document> tokens = MONGO.freshDatabase().getCollection("source_tokens");
    private final CachedLookup<Boolean> otherNode = new CachedLookup<>(tokens, doc -> doc.getBoolean("enabled"),
            Duration.ofSeconds(5), nanos::get);

    @Test
    void servesTheCachedEntryWithinTheTtl() {
        tokens.insertOne(new Document("_id", "tok").append("enabled", true));
        assertThat(otherNode.find("tok")).contains(true);

        tokens.updateOne(Filters.eq("_id", "tok"), Updates.set("enabled", false));
        nanos.addAndGet(Duration.ofSeconds(4).toNanos());

        assertThat(otherNode.find("tok")).contains(true);
    }

    @Test
    void seesAnotherNodesDisableOnceTheTtlPassed() {
        tokens.insertOne(new Document("_id", "tok").append("enabled", true));
        assertThat(otherNode.find("tok")).contains(true);

        tokens.updateOne(Filters.eq("_id", "tok"), Updates.set("enabled", false));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(otherNode.find("tok")).contains(false);
    }

    @Test
    void refusesARotatedAwayTokenOnceTheTtlPassed() {
        tokens.insertOne(new Document("_id", "old").append("enabled", true));
        assertThat(otherNode.find("old")).isPresent();

        tokens.deleteOne(Filters.eq("_id", "old"));
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(otherNode.find("old")).isEmpty();
    }
}
