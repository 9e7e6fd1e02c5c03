package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.STORE;
import static io.tributary.command.ingestion.IntakeWorld.T0;
import static io.tributary.command.ingestion.IntakeWorld.store;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.Rejection;
import io.tributary.command.support.InMemoryMongo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store deliveries already recorded: learnt from the recorded events only, so a replay rebuilds them. */
class DeliveryIndexTest {

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    @Test
    void rebuildsTheDeliveriesFromTheRecordedEvents() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        Intake order = store("r1", "o-1", "d-1", false, "urn:email:ann@example.com");
        world.ingest(List.of(order));
        world.ingest(List.of(store("r2", "o-1", "d-1", false, "urn:email:ann@example.com")));
        List<Object> events = new ArrayList<>(world.recorded());
        events.add(new PayloadRejected(STORE, "r3", T0, "{}", null, null, List.of(new FieldError("body", "bad")), "d-2"));

        DeliveryIndex rebuilt = new DeliveryIndex(mongo.freshDatabase(), Duration.ofHours(4));
        rebuilt.rebuild(events);

        assertThat(rebuilt.delivered(STORE, "d-1", order.event(), T0))
                .contains(new DeliveryIndex.Delivered("r1", world.profileOf("r1")));
        assertThat(rebuilt.wasRejected(STORE, "d-2", T0)).isTrue();
        assertThat(rebuilt.wasRejected(STORE, "d-1", T0)).isFalse();
    }

    @Test
    void keepsARejectedDeliveryOnce() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        List<FieldError> errors = List.of(new FieldError("body", "must be a JSON object"));

        world.ingest(List.of(), List.of(new Rejection("r1", STORE, T0, "[]", null, null, errors, "d-1")));
        world.ingest(List.of(), List.of(new Rejection("r2", STORE, T0.plusSeconds(60), "[]", null, null, errors, "d-1"),
                new Rejection("r3", STORE, T0.plusSeconds(60), "[]", null, null, errors, "d-2")));

        assertThat(world.recorded()).extracting(event -> ((PayloadRejected) event).recordId())
                .containsExactly("r1", "r3");
        assertThat(world.deliveries().wasRejected(STORE, "d-1", T0)).isTrue();
    }

    @Test
    void forgetsDeliveriesOlderThanTheRetention() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        Intake order = store("r1", "o-1", "d-1", false, "urn:email:ann@example.com");
        world.ingest(List.of(order));

        assertThat(world.deliveries().delivered(STORE, "d-1", order.event(), T0.plus(Duration.ofHours(3)))).isPresent();
        assertThat(world.deliveries().delivered(STORE, "d-1", order.event(), T0.plus(Duration.ofHours(5)))).isEmpty();
    }
}
