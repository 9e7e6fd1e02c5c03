package io.tributary.query.attribution;

import static io.tributary.query.attribution.AttributionFixtures.CLASSIFIER;
import static io.tributary.query.attribution.RollupsDifferentialTest.all;
import static org.assertj.core.api.Assertions.assertThat;

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
        List<Document> liveDays = all(database, CreditRollupRepository.DAYS);
        List<Document> liveLedgers = all(database, CreditRollupRepository.LEDGERS);

        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.prepareReset();
        assertThat(all(database, CreditRollupRepository.DAYS)).as("reset clears the roll-ups").isEmpty();
        RollupsDifferentialTest.deliver(projection, stored, new Random(7));

        assertThat(liveDays).as("day documents").hasSizeGreaterThan(11);
        assertThat(all(database, CreditRollupRepository.DAYS)).isEqualTo(liveDays);
        assertThat(all(database, CreditRollupRepository.LEDGERS)).isEqualTo(liveLedgers);
    }
}
