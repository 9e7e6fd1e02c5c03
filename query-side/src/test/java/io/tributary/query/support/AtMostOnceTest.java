package io.tributary.query.support;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static com.mongodb.client.model.Updates.inc;
import static org.assertj.core.api.Assertions.assertThat;

class AtMostOnceTest extends EmbeddedMongo {

    @Test
    void appliesEachKeyOnceAndForgetsKeysOutsideTheWindow() {
        MongoCollection<Document> counters = database.getCollection("counters");

        assertThat(AtMostOnce.apply(counters, "c", "keys", "r1", 2, inc("n", 1))).isTrue();
        assertThat(AtMostOnce.apply(counters, "c", "keys", "r1", 2, inc("n", 1))).isFalse();
        assertThat(AtMostOnce.apply(counters, "c", "keys", "r2", 2, inc("n", 1))).isTrue();
        assertThat(AtMostOnce.apply(counters, "c", "keys", "r3", 2, inc("n", 1))).isTrue();
        assertThat(AtMostOnce.apply(counters, "c", "keys", "r3", 2, inc("n", 1))).isFalse();

        Document counter = counters.find().first();
        assertThat(counter.getInteger("n")).isEqualTo(3);
        assertThat(counter.getList("keys", String.class)).containsExactly("r2", "r3");
    }

    @Test
    void countsNothingWhenAWholeBatchIsDeliveredAgain() {
        MongoCollection<Document> counters = database.getCollection("counters");
        IntStream.range(0, 100).forEach(i -> AtMostOnce.apply(counters, "c", "keys", "k" + i, 1000, inc("n", 1)));

        long applied = IntStream.range(0, 100)
                .filter(i -> AtMostOnce.apply(counters, "c", "keys", "k" + i, 1000, inc("n", 1))).count();

        assertThat(applied).isZero();
        assertThat(counters.find().first().getInteger("n")).isEqualTo(100);
    }
}
