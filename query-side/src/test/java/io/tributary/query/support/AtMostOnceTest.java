package io.tributary.query.support;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AtMostOnceTest extends EmbeddedMongo {

    private static void count(Document counter) {
        DocumentUpdates.increment(counter, "n");
    }

    @Test
    void appliesEachKeyOnceAndForgetsKeysOutsideTheWindow() {
        AtMostOnce keys = new AtMostOnce("keys", 2);
        DocumentBatch batch = new DocumentBatch(database);
        BatchedCollection counters = batch.collection("counters");

        assertThat(keys.apply(counters, "c", "r1", AtMostOnceTest::count)).isTrue();
        assertThat(keys.apply(counters, "c", "r1", AtMostOnceTest::count)).isFalse();
        assertThat(keys.apply(counters, "c", "r2", AtMostOnceTest::count)).isTrue();
        assertThat(keys.apply(counters, "c", "r3", AtMostOnceTest::count)).isTrue();
        assertThat(keys.apply(counters, "c", "r3", AtMostOnceTest::count)).isFalse();
        batch.write();

        Document counter = database.getCollection("counters").find().first();
        assertThat(counter.getInteger("n")).isEqualTo(3);
        assertThat(counter.getList("keys", String.class)).containsExactly("r2", "r3");
    }

    @Test
    void countsNothingWhenAWholeBatchIsDeliveredAgain() {
        AtMostOnce keys = new AtMostOnce("keys", 1000);
        DocumentBatch first = new DocumentBatch(database);
        IntStream.range(0, 100).forEach(i -> keys.apply(first.collection("counters"), "c", "k" + i, AtMostOnceTest::count));
        first.write();

        DocumentBatch again = new DocumentBatch(database);
        long applied = IntStream.range(0, 100)
                .filter(i -> keys.apply(again.collection("counters"), "c", "k" + i, AtMostOnceTest::count)).count();
        again.write();

        assertThat(applied).isZero();
        assertThat(database.getCollection("counters").find().first().getInteger("n")).isEqualTo(100);
    }
}
