package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.RollupsDifferentialTest.all;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.support.EmbeddedMongo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the credit roll-ups by replay (a reset, then every event again in the store's order) leaves the same
 * ledgers and day documents as building them live, here from events that arrived shuffled and partly redelivered.
 */
class RollupsReplayTest extends EmbeddedMongo {

    @Test
    void rebuiltRollupsEqualTheLiveOnes() throws Exception {
        List<EventMessage<?>> stored = ShopStream.generate(5, 3_000, RollupsDifferentialTest.SPREAD_OVER_WEEKS).stream()
                .filter(e -> e instanceof EventRecorded || e instanceof SessionStarted || e instanceof ProfilesMerged)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        List<EventMessage<?>> arrived = new ArrayList<>(stored);
        Collections.shuffle(arrived, new Random(5));
        CreditRollupProjection projection = new CreditRollupProjection(database, AttributionSettings.defaults(),
                CLASSIFIER);
        RollupsDifferentialTest.deliver(projection, arrived, new Random(6));
        List<Document> liveDays = daysWithoutBatchNumbers();
        List<Document> liveLedgers = all(database, CreditRollupRepository.LEDGERS);

        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.prepareReset();
        assertThat(all(database, CreditRollupRepository.DAYS)).as("reset clears the roll-ups").isEmpty();
        assertThat(all(database, CreditRollupRepository.BATCHES)).as("and their batches").isEmpty();
        RollupsDifferentialTest.deliver(projection, stored, new Random(7));

        assertThat(liveDays).as("day documents").hasSizeGreaterThan(11);
        assertThat(daysWithoutBatchNumbers()).isEqualTo(liveDays);
        assertThat(all(database, CreditRollupRepository.LEDGERS)).isEqualTo(liveLedgers);
    }

    @Test
    void daysStoredWithoutLedgerCountsAreSummedFromTheirLedgersWhenNextMoved() throws Exception {
        List<EventMessage<?>> stored = ShopStream.generate(6, 1_500, RollupsDifferentialTest.SPREAD_OVER_WEEKS).stream()
                .filter(e -> e instanceof EventRecorded || e instanceof SessionStarted || e instanceof ProfilesMerged)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        RollupsDifferentialTest.deliver(projection(), stored, new Random(8));
        List<Document> built = daysWithoutBatchNumbers();
        database.drop();

        RollupsDifferentialTest.deliver(projection(), stored.subList(0, 1_000), new Random(8));
        MongoCollection<Document> days = database.getCollection(CreditRollupRepository.DAYS);
        for (Document day : all(database, CreditRollupRepository.DAYS)) {
            day.remove("conversions");
            day.remove("b");
            day.put("cells", day.getList("cells", Document.class).stream().peek(cell -> cell.remove("n")).toList());
            days.replaceOne(new Document("_id", day.get("_id")), day);
        }
        RollupsDifferentialTest.deliver(projection(), stored.subList(1_000, stored.size()), new Random(8));

        List<Document> now = daysWithoutBatchNumbers();
        List<Document> moved = now.stream().filter(day -> day.containsKey("conversions")).toList();
        assertThat(moved).as("the days moved since, counted again").hasSizeGreaterThan(11)
                .isSubsetOf(built).hasSizeLessThan(now.size());
        assertThat(now.stream().map(RollupsReplayTest::sums).toList())
                .isEqualTo(built.stream().map(RollupsReplayTest::sums).toList());
    }

    /** A day document without its ledger counts: the sums that reports read. */
    private static Document sums(Document day) {
        Document sums = new Document(day);
        sums.remove("conversions");
        sums.put("cells", day.getList("cells", Document.class).stream()
                .map(cell -> new Document("touch", cell.get("touch")).append("m", cell.get("m"))).toList());
        return sums;
    }

    private CreditRollupProjection projection() {
        return new CreditRollupProjection(database, AttributionSettings.defaults(), CLASSIFIER);
    }

    /** The day documents without the number of the batch that last moved them, which differs from build to build. */
    private List<Document> daysWithoutBatchNumbers() {
        List<Document> days = all(database, CreditRollupRepository.DAYS);
        days.forEach(day -> day.remove("b"));
        return days;
    }
}
