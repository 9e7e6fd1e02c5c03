package io.tributary.query.quality;

import static io.tributary.query.quality.QualityRollupsReplayTest.all;
import static io.tributary.query.quality.QualityRollupsReplayTest.foldedFromFacts;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.quality.FindDataQuality;
import io.tributary.api.report.ReportPath;
import io.tributary.query.support.EmbeddedMongo;
import io.tributary.query.support.FailingWrites;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A processor batch cut short between two of its writes (the facts written, the hours or the days not; everything
 * written but the closing marker; or the facts not written), then the batch delivered again, by a restarted node or by
 * the same projection (which must not trust the roll-ups it kept as written), now and then (every fourth batch) over
 * the shop's life: the hour roll-ups still equal what their facts add up to, and the reports agree. And two nodes
 * taking turns at the batches (the read model moving between them) build the same roll-ups.
 */
class QualityRollupsCrashTest extends EmbeddedMongo {

    @ParameterizedTest
    @ValueSource(strings = {"quality_hours", "quality_days", QualityRollups.CLOSED, "quality_facts"})
    void rollupsStayExactWhenABatchIsCutShortAndTheNodeRestarts(String collectionThatFails) {
        rollupsStayExactWhenABatchIsCutShort(collectionThatFails, true);
    }

    @ParameterizedTest
    @ValueSource(strings = {QualityRollups.OPEN, "quality_hours", "quality_days", QualityRollups.CLOSED, "quality_facts"})
    void rollupsStayExactWhenABatchIsCutShortAndTheSameProjectionRetriesIt(String collectionThatFails) {
        rollupsStayExactWhenABatchIsCutShort(collectionThatFails, false);
    }

    @Test
    void twoNodesTakingTurnsAtTheBatchesBuildTheRollupsOfTheirFacts() {
        List<DataQualityProjection> nodes = List.of(new DataQualityProjection(database, QualitySettings.defaults()),
                new DataQualityProjection(database, QualitySettings.defaults()));
        List<EventMessage<?>> handled = QualityRollupsDifferentialTest.SHOP.stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .filter(new AnnotationEventHandlerAdapter(nodes.get(0))::canHandle).toList();
        Random random = new Random(7);
        for (int from = 0, batches = 0; from < handled.size(); batches++) {
            int to = Math.min(handled.size(), from + 1 + random.nextInt(60));
            AnnotationEventHandlerAdapter node = new AnnotationEventHandlerAdapter(nodes.get(batches % 2));
            assertThat(handle(node, new ArrayList<>(handled.subList(from, to)))).isFalse();
            from = to;
        }

        for (RollupGrain grain : RollupGrain.values()) {
            assertThat(all(database, grain.collection)).as(grain.collection).isEqualTo(foldedFromFacts(database, grain));
        }
    }

    private void rollupsStayExactWhenABatchIsCutShort(String collectionThatFails, boolean restarts) {
        FailingWrites store = new FailingWrites(database);
        List<Object> events = QualityRollupsDifferentialTest.SHOP;
        Random random = new Random(collectionThatFails.length());
        DataQualityProjection projection = new DataQualityProjection(store.database, QualitySettings.defaults());
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        List<EventMessage<?>> handled = events.stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage)
                .filter(adapter::canHandle).toList();
        int cut = 0;
        for (int from = 0, batches = 0; from < handled.size(); batches++) {
            int to = Math.min(handled.size(), from + 1 + random.nextInt(60));
            List<EventMessage<?>> batch = new ArrayList<>(handled.subList(from, to));
            if (batches % 4 == 1) {
                store.failNextWriteOf(collectionThatFails);
                boolean cutShort = handle(adapter, batch);
                store.failNextWriteOf(null);
                cut += cutShort ? 1 : 0;
                if (cutShort && restarts) {
                    projection = new DataQualityProjection(store.database, QualitySettings.defaults());
                    adapter = new AnnotationEventHandlerAdapter(projection);
                }
            }
            assertThat(handle(adapter, batch)).as("the batch delivered (again)").isFalse();
            from = to;
        }

        assertThat(cut).as("batches cut short").isGreaterThan(8);
        for (RollupGrain grain : RollupGrain.values()) {
            assertThat(all(database, grain.collection)).as(grain.collection).isEqualTo(foldedFromFacts(database, grain));
        }
        Instant end = PeriodRollup.hourOf(QualityRollupsDifferentialTest.timesOf(events)
                .max(Comparator.naturalOrder()).orElseThrow()).plus(Duration.ofHours(1));
        for (Duration length : List.of(Duration.ofDays(1), Duration.ofDays(30))) {
            Instant start = end.minus(length).minus(Duration.ofMinutes(17));
            assertThat(projection.handle(new FindDataQuality(start, end, end))).usingRecursiveComparison()
                    .ignoringFields("path").isEqualTo(projection.handle(new FindDataQuality(start, end, end, ReportPath.EXACT)));
        }
    }

    /** @return whether the unit of work rolled back */
    private static boolean handle(AnnotationEventHandlerAdapter adapter, List<EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        unitOfWork.executeWithResult(() -> adapter.handle(unitOfWork.getMessage()));
        return unitOfWork.isRolledBack();
    }
}
