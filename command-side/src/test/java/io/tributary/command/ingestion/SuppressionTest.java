package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.IngestionOutcome;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.Intake;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.source.SourceType;
import io.tributary.command.support.InMemoryMongo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Later events of an erased person: counted by no one's profile, or dropped; never stitched, never re-created. */
class SuppressionTest {

    private static final String EMAIL = "urn:email:ada@example.com";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    @Test
    void countsAnEventWithASuppressedAliasAnonymously() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.suppressions().suppress(List.of(EMAIL), T0);

        List<IngestionOutcome> outcomes = world.ingest(List.of(order("r1", " ADA@example.com ")));

        assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.ACCEPTED);
        EventRecorded recorded = world.recorded().stream().filter(EventRecorded.class::isInstance)
                .map(EventRecorded.class::cast).findFirst().orElseThrow();
        assertThat(recorded.event().aliases()).isEmpty();
        assertThat(recorded.event().profileProperties()).isEmpty();
        assertThat(recorded.event().properties()).containsEntry("total_price", "10.00").doesNotContainKey("email");
        assertThat(world.recorded()).noneMatch(AliasLinked.class::isInstance);
    }

    @Test
    void dropsAnEventWithASuppressedAliasWhenTheShopSaysSo() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase(), true);
        world.suppressions().suppress(List.of(EMAIL), T0);

        List<IngestionOutcome> outcomes = world.ingest(List.of(order("r1", "ada@example.com")));

        assertThat(outcomes.get(0).status()).isEqualTo(IngestionStatus.SUPPRESSED);
        assertThat(world.recorded()).noneMatch(EventRecorded.class::isInstance);
    }

    @Test
    void stitchesAgainOnceTheSuppressionIsLifted() {
        IntakeWorld world = new IntakeWorld(mongo.freshDatabase());
        world.suppressions().suppress(List.of(EMAIL), T0);
        String hash = world.suppressions().list().get(0).aliasHash();

        assertThat(world.suppressions().lift(hash)).isTrue();
        world.ingest(List.of(order("r1", "ada@example.com")));

        assertThat(world.recorded()).anyMatch(e -> e instanceof AliasLinked linked && linked.alias().equals(EMAIL));
        assertThat(hash).startsWith("h1:").doesNotContain("ada");
    }

    private static Intake order(String recordId, String email) {
        TrackedEvent event = new TrackedEvent("Placed Order", "order-" + recordId,
                Map.of("total_price", "10.00", "email", email), Map.of("$email", email),
                List.of("urn:email:" + email), T0, null, List.of());
        return new Intake(recordId, IntakeWorld.SERVER, SourceType.SERVER, T0, event);
    }
}
