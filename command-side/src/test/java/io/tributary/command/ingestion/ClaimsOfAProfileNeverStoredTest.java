package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.IntakeWorld.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.command.support.InMemoryMongo;
import io.tributary.command.support.MovableClock;
import io.tributary.command.support.UnconfirmedClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A confirmed alias claim or dedup key can name a profile whose events were never stored (a writer killed while it
 * took back a partly stored append, on MongoDB without transactions). The intake fails such a batch as a conflict, so
 * that it is decided again, and once the profile has been missing for a short grace the claims and keys naming it are
 * taken back and the retry decides afresh.
 */
class ClaimsOfAProfileNeverStoredTest {

    private static final String EMAIL = "urn:email:ann@example.com";
    private static final String NEVER_STORED = "profile-never-stored";

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private MongoDatabase database;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));

    @BeforeEach
    void aClaimOfAProfileNeverStored() {
        database = mongo.freshDatabase();
        database.getCollection("alias_owners").insertOne(new Document("_id", EMAIL).append("profileId", NEVER_STORED));
    }

    @Test
    void failsTheBatchAsAConflictDuringTheGraceAndKeepsTheClaim() {
        IntakeWorld world = new IntakeWorld(database, new UnconfirmedClaims(id -> true, Duration.ofSeconds(10), clock));

        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasRootCauseInstanceOf(AggregateNotFoundException.class)
                .hasCauseInstanceOf(ConcurrencyException.class);
        clock.advance(UnconfirmedClaims.OWNER_GRACE.minusMillis(1));
        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasCauseInstanceOf(ConcurrencyException.class);

        assertThat(database.getCollection("alias_owners").find().first()).containsEntry("profileId", NEVER_STORED);
    }

    @Test
    void takesTheClaimBackAfterTheGraceSoThatTheRetryStitchesTheAliasAfresh() {
        IntakeWorld world = new IntakeWorld(database, new UnconfirmedClaims(id -> true, Duration.ofSeconds(10), clock));
        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasCauseInstanceOf(ConcurrencyException.class);
        clock.advance(UnconfirmedClaims.OWNER_GRACE);
        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasCauseInstanceOf(ConcurrencyException.class);

        world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL)));

        String profileId = world.profileOf("r1");
        assertThat(profileId).isNotNull().isNotEqualTo(NEVER_STORED);
        assertThat(database.getCollection("alias_owners").find().first()).containsEntry("profileId", profileId);
    }

    @Test
    void takesBackADedupKeyWhoseKeptCopyWasNeverStoredSoThatTheRetryRecordsTheEvent() {
        database.getCollection("alias_owners").deleteMany(new Document());
        database.getCollection("dedup_keys").insertOne(new Document("_id", DedupPolicy.key("Signed Up", "e1"))
                .append("recordId", "record-never-stored").append("sourceId", "another-server")
                .append("profileId", NEVER_STORED).append("fingerprint", "f")
                .append("eventTime", Date.from(IntakeWorld.T0)).append("eventNanos", 0));
        IntakeWorld world = new IntakeWorld(database, new UnconfirmedClaims(id -> true, Duration.ofSeconds(10), clock));
        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasRootCauseInstanceOf(AggregateNotFoundException.class);
        clock.advance(UnconfirmedClaims.OWNER_GRACE);
        assertThatThrownBy(() -> world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL))))
                .hasCauseInstanceOf(ConcurrencyException.class);

        world.ingest(List.of(server("r1", "Signed Up", "e1", 0, EMAIL)));

        assertThat(world.recorded()).filteredOn(EventRecorded.class::isInstance).singleElement()
                .satisfies(recorded -> assertThat(((EventRecorded) recorded).recordId()).isEqualTo("r1"));
        assertThat(database.getCollection("dedup_keys").find().first()).containsEntry("recordId", "r1")
                .containsEntry("profileId", world.profileOf("r1"));
    }
}
