package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.RollupsDifferentialTest.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.session.SessionStarted;
import io.tributary.query.bench.ShopStream;
import io.tributary.query.support.EmbeddedMongo;
import io.tributary.query.support.FailingWrites;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A processor batch of the credit roll-ups cut short at one of its writes (restatements, open batch, day documents,
 * ledgers, closed batch), the node restarting and the batch delivered again, every fourth batch over a shop whose
 * events arrive shuffled (late stitches and merges move credit already counted): every day document still equals the
 * sum of its day's ledgers, and the ledgers equal those of a build that was never cut short.
 */
class CreditRollupsCrashTest extends EmbeddedMongo {

    private static final List<EventMessage<?>> ARRIVED = arrived();

    @ParameterizedTest
    @CsvSource({"report_restatements, 0", "rollup_credit_batches, 0", "rollup_credit_days, 0",
            "rollup_credit_ledgers, 0", "rollup_credit_batches, 1"})
    void dayDocumentsStayTheSumOfTheirLedgersWhenABatchIsCutShort(String collectionThatFails, int writesBefore) {
        FailingWrites store = new FailingWrites(database);
        AnnotationEventHandlerAdapter adapter = adapter(store);
        Random random = new Random(collectionThatFails.length() + writesBefore);
        int cut = 0;
        for (int from = 0, batches = 0; from < ARRIVED.size(); batches++) {
            int to = Math.min(ARRIVED.size(), from + 1 + random.nextInt(60));
            List<EventMessage<?>> batch = new ArrayList<>(ARRIVED.subList(from, to));
            if (batches % 4 == 1) {
                store.failWriteOf(collectionThatFails, writesBefore);
                boolean cutShort = handle(adapter, batch);
                store.failNextWriteOf(null);
                if (cutShort) {
                    cut++;
                    adapter = adapter(store);
                }
            }
            assertThat(handle(adapter, batch)).as("the batch delivered (again)").isFalse();
            from = to;
        }
        List<Document> ledgers = all(database, CreditRollupRepository.LEDGERS);
        List<Document> days = daysWithoutBatchNumbers();
        database.drop();
        RollupsDifferentialTest.deliver(new CreditRollupProjection(database, AttributionSettings.defaults(),
                CLASSIFIER), ARRIVED, new Random(3));

        assertThat(cut).as("batches cut short").isGreaterThan(4);
        assertThat(days).as("day documents").isEqualTo(summedFromLedgers(ledgers))
                .isEqualTo(daysWithoutBatchNumbers());
        assertThat(ledgers).as("ledgers").isEqualTo(all(database, CreditRollupRepository.LEDGERS));
    }

    private static List<EventMessage<?>> arrived() {
        List<EventMessage<?>> stored = ShopStream.generate(9, 1_500, RollupsDifferentialTest.SPREAD_OVER_WEEKS)
                .stream().filter(e -> e instanceof EventRecorded || e instanceof SessionStarted
                        || e instanceof ProfilesMerged)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        List<EventMessage<?>> arrived = new ArrayList<>(stored);
        Collections.shuffle(arrived, new Random(9));
        return arrived;
    }

    private static AnnotationEventHandlerAdapter adapter(FailingWrites store) {
        return new AnnotationEventHandlerAdapter(new CreditRollupProjection(store.database,
                AttributionSettings.defaults(), CLASSIFIER));
    }

    /** @return whether the unit of work rolled back */
    private static boolean handle(AnnotationEventHandlerAdapter adapter, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
        return unitOfWork.isRolledBack();
    }

    private static List<Document> summedFromLedgers(List<Document> ledgers) {
        Map<String, Document> days = new TreeMap<>();
        for (AttributionModel model : AttributionModel.values()) {
            Map<LocalDate, CreditDay> byDate = new TreeMap<>();
            ledgers.forEach(ledger -> byDate.computeIfAbsent(LocalDate.parse(ledger.getString("day")),
                    date -> CreditDay.empty(model, date)).add(ledger, 1));
            byDate.values().forEach(day -> {
                Document document = day.toDocument();
                days.put(document.getString("_id"), document);
            });
        }
        return new ArrayList<>(days.values());
    }

    private List<Document> daysWithoutBatchNumbers() {
        List<Document> days = all(database, CreditRollupRepository.DAYS);
        days.forEach(day -> day.remove("b"));
        return days;
    }
}
