package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.command.support.InMemoryMongo;
import io.tributary.command.support.MovableClock;
import io.tributary.command.support.UnconfirmedClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The intake as it runs in the app (the proof of a unit of work comes from its event bus), killed after its batch
 * wrote its alias claims and dedup keys but before its events were stored: the request is sent again (another
 * node, a new record id) and must be recorded, not answered as a copy of an event that was never stored.
 */
class IntakeKilledAfterItsClaimsTest {

    private static final String CLAIMS = "alias_owners";
    private static final String KEYS = "dedup_keys";
    private static final Duration LEASE = Duration.ofSeconds(10);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final AtomicReference<IntakeWorld> worldRef = new AtomicReference<>();
    private MongoDatabase database;
    private IntakeWorld world;

    @BeforeEach
    void aWriterKilledAfterItsClaims() {
        database = mongo.freshDatabase();
        world = new IntakeWorld(database, new UnconfirmedClaims(id -> worldRef.get().stored(id), LEASE, clock));
        worldRef.set(world);
        Map<String, List<Document>> leftBehind = Map.of(CLAIMS, new ArrayList<>(), KEYS, new ArrayList<>());
        world.dieAfterClaims(() -> leftBehind.forEach((collection, documents) ->
                database.getCollection(collection).find().into(documents)));
        assertThatThrownBy(() -> world.ingest(List.of(browser("r1", "$page_load", "pl-1", 0, "https://shop.example/",
                "urn:anonymous_id:d1")))).hasRootCauseMessage("killed before its events were stored");
        leftBehind.forEach((collection, documents) -> {
            database.getCollection(collection).deleteMany(new Document());
            database.getCollection(collection).insertMany(documents);
        });
    }

    @Test
    void leavesItsClaimsUnconfirmedNamingItsFirstEvent() {
        assertThat(database.getCollection(CLAIMS).find().first()).containsKey("proof");
        assertThat(database.getCollection(KEYS).find().first()).containsKey("proof")
                .containsEntry("recordId", "r1");
    }

    @Test
    void theRequestSentAgainAfterTheLeaseIsRecordedOnAProfileThatExists() {
        clock.advance(LEASE.plusSeconds(1));

        world.ingest(List.of(browser("r2", "$page_load", "pl-1", 0, "https://shop.example/", "urn:anonymous_id:d1")));

        assertThat(world.outcome("r2").status()).isEqualTo(IngestionStatus.ACCEPTED);
        assertThat(database.getCollection(KEYS).find().first()).containsEntry("recordId", "r2")
                .doesNotContainKey("proof");
        assertThat(database.getCollection(CLAIMS).find().first())
                .containsEntry("profileId", world.profileOf("r2"));
    }
}
