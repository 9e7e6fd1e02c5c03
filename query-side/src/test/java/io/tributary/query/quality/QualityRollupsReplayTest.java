package io.tributary.query.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import com.mongodb.client.MongoDatabase;
import io.tributary.query.support.EmbeddedMongo;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The hour and day roll-ups are what their facts add up to, however they were reached: built live from events that arrived
 * shuffled and partly redelivered, they equal the roll-ups folded afresh from the facts they ended with; rebuilt by
 * replay (a reset, then every event in the store's order, in other batches), they equal the ones built live from
 * the same order.
 */
class QualityRollupsReplayTest extends EmbeddedMongo {

    @Test
    void rollupsBuiltFromShuffledRedeliveredEventsEqualTheRollupsOfTheirFacts() {
        DataQualityProjection projection = new DataQualityProjection(database, QualitySettings.defaults());
        List<Object> shuffled = QualityRollupsDifferentialTest.Arrival.SHUFFLED
                .of(QualityRollupsDifferentialTest.SHOP, new Random(3));
        QualityRollupsDifferentialTest.deliver(projection, shuffled, new Random(4));

        assertThat(all(database, QualityRollups.HOURS)).as("hour documents").hasSizeGreaterThan(500);
        for (RollupGrain grain : RollupGrain.values()) {
            assertThat(all(database, grain.collection)).as(grain.collection).isEqualTo(foldedFromFacts(database, grain));
        }
    }

    @Test
    void rebuiltRollupsEqualTheLiveOnes() throws Exception {
        DataQualityProjection projection = new DataQualityProjection(database, QualitySettings.defaults());
        QualityRollupsDifferentialTest.deliver(projection, QualityRollupsDifferentialTest.SHOP, new Random(6));
        List<Document> liveHours = all(database, QualityRollups.HOURS);
        List<Document> liveDays = all(database, QualityRollups.DAYS);
        List<Document> liveFacts = all(database, "quality_facts");

        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.prepareReset();
        assertThat(all(database, QualityRollups.HOURS)).as("reset clears the roll-ups").isEmpty();
        QualityRollupsDifferentialTest.deliver(projection, QualityRollupsDifferentialTest.SHOP, new Random(7));

        assertThat(liveHours).as("hour documents").hasSizeGreaterThan(500);
        assertThat(all(database, QualityRollups.HOURS)).isEqualTo(liveHours);
        assertThat(liveDays).as("day documents").hasSizeGreaterThan(30);
        assertThat(all(database, QualityRollups.DAYS)).isEqualTo(liveDays);
        assertThat(all(database, "quality_facts")).isEqualTo(liveFacts);
    }

    /** The roll-ups of one grain folded afresh from every fact, without batch numbers. */
    static List<Document> foldedFromFacts(MongoDatabase database, RollupGrain grain) {
        Map<String, PeriodRollup> folded = new LinkedHashMap<>();
        database.getCollection("quality_facts").find().sort(new Document("at", 1).append("_id", 1)).forEach(document -> {
            QualityFact fact = DataQualityRepository.toFact(document);
            folded.computeIfAbsent(grain.idOf(fact), id -> grain.of(fact)).apply(fact, 1);
        });
        return folded.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> QualityRollups.toDocument(entry.getKey(), entry.getValue())).toList();
    }

    /** The documents of a collection by id, without the batch numbers and previous states that differ by delivery. */
    static List<Document> all(MongoDatabase database, String collection) {
        List<Document> documents = database.getCollection(collection).find().sort(new Document("_id", 1))
                .into(new ArrayList<>());
        documents.forEach(document -> {
            document.remove("b");
            document.remove("prev");
        });
        return documents;
    }
}
