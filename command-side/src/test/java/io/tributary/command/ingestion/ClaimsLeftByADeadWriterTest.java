package io.tributary.command.ingestion;

import static io.tributary.command.ingestion.DedupFixtures.KEPT_AT;
import static io.tributary.command.ingestion.DedupFixtures.WEB;
import static io.tributary.command.ingestion.DedupFixtures.claim;
import static io.tributary.command.ingestion.DedupFixtures.daysAfterKept;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.tributary.command.support.CommitProof;
import io.tributary.command.support.InMemoryMongo;
import io.tributary.command.support.UnconfirmedClaims;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A writer killed after its unit of work wrote its claims but before its events were stored leaves those claims
 * unconfirmed. Read again, they are taken back once the lease is over (restoring what they replaced), held when their
 * events did get stored, and waited for while their unit of work may still be committing elsewhere.
 */
class ClaimsLeftByADeadWriterTest {

    private static final String EMAIL = "urn:email:ann@example.com";
    private static final Duration OVER = Duration.ZERO;
    private static final Duration LONG = Duration.ofMinutes(5);

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private final Set<String> storedEvents = new HashSet<>();
    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase();
    }

    @Test
    void anAliasClaimWhoseEventsWereNeverStoredIsFreeAfterTheLease() {
        diesAfterItsClaims(() -> aliases(LONG).claim(EMAIL, "ann"), "alias_owners");

        assertThat(aliases(OVER).owners(List.of(EMAIL))).isEmpty();
        assertThat(aliases(LONG).claim(EMAIL, "bob")).isTrue();
        assertThat(aliases(LONG).owners(List.of(EMAIL))).containsEntry(EMAIL, "bob");
    }

    @Test
    void anAliasClaimWhoseEventsWereStoredIsHeldAndConfirmed() {
        String proof = diesAfterItsClaims(() -> aliases(LONG).claim(EMAIL, "ann"), "alias_owners");
        storedEvents.add(proof);

        assertThat(aliases(OVER).owners(List.of(EMAIL))).containsEntry(EMAIL, "ann");
        assertThat(database.getCollection("alias_owners").find().first()).doesNotContainKey("proof");
    }

    @Test
    void aReaderWaitsForAClaimWhoseUnitOfWorkIsStillCommitting() throws Exception {
        String proof = diesAfterItsClaims(() -> aliases(LONG).claim(EMAIL, "ann"), "alias_owners");

        CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(
                () -> aliases(LONG).owners(List.of(EMAIL)));
        Thread.sleep(300);
        assertThat(read).as("still waiting for the other node's events").isNotDone();
        storedEvents.add(proof);

        assertThat(read.get(5, TimeUnit.SECONDS)).containsEntry(EMAIL, "ann");
    }

    @Test
    void aReaderStopsWaitingOnceTheWriterTookItsClaimBack() throws Exception {
        diesAfterItsClaims(() -> aliases(LONG).claim(EMAIL, "ann"), "alias_owners");

        CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(
                () -> aliases(LONG).owners(List.of(EMAIL)));
        Thread.sleep(300);
        assertThat(read).as("still waiting for the other node's events").isNotDone();
        database.getCollection("alias_owners").deleteMany(new Document());

        assertThat(read.get(5, TimeUnit.SECONDS)).as("not the 5 minutes of the lease").isEmpty();
    }

    @Test
    void aReassignmentWhoseMergeWasNeverStoredGoesBackToThePreviousOwner() {
        aliases(LONG).claim(EMAIL, "ann");
        diesAfterItsClaims(() -> aliases(LONG).reassign(List.of(EMAIL), "bob"), "alias_owners");

        assertThat(aliases(OVER).owners(List.of(EMAIL))).containsEntry(EMAIL, "ann");
        assertThat(database.getCollection("alias_owners").find().first()).doesNotContainKeys("proof", "replaced");
    }

    @Test
    void aDedupClaimWhoseEventWasNeverStoredIsFreeAfterTheLease() {
        DedupClaim lost = claim("record-lost", WEB, KEPT_AT);
        diesAfterItsClaims(() -> keys(LONG).claim(lost), "dedup_keys");

        assertThat(keys(OVER).find(lost.key())).isEmpty();
        DedupClaim retried = claim("record-retried", WEB, KEPT_AT);
        assertThat(keys(LONG).claim(retried)).isEmpty();
        assertThat(keys(LONG).find(lost.key())).contains(retried);
    }

    @Test
    void aTakeOverOfAnExpiredKeyWhoseEventWasNeverStoredGivesTheKeyBack() {
        DedupClaim expired = claim("record-1", WEB, KEPT_AT);
        DedupClaim newer = claim("record-3", WEB, daysAfterKept(9));
        keys(LONG).claim(expired);
        diesAfterItsClaims(() -> keys(LONG).replace(expired, newer), "dedup_keys");

        assertThat(keys(OVER).find(expired.key())).contains(expired);
    }

    @Test
    void aCommittedUnitOfWorkLeavesItsClaimsConfirmed() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publishAnEvent();
        aliases(LONG).claim(EMAIL, "ann");
        keys(LONG).claim(claim("record-1", WEB, KEPT_AT));
        unitOfWork.commit();

        assertThat(database.getCollection("alias_owners").find().first()).doesNotContainKeys("proof", "claimedAt");
        assertThat(database.getCollection("dedup_keys").find().first()).doesNotContainKeys("proof", "claimedAt");
    }

    @Test
    void aTakeOverThatAnotherNodeMadeFirstFailsTheUnitOfWork() {
        DedupClaim expired = claim("record-1", WEB, KEPT_AT);
        keys(LONG).claim(expired);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        assertThat(keys(LONG).replace(expired, claim("record-3", WEB, daysAfterKept(9)))).isTrue();
        CompletableFuture.runAsync(() -> new DedupIndex(database).replace(expired, claim("record-4", WEB,
                daysAfterKept(9)))).join();

        assertThatThrownBy(unitOfWork::commit)
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
        assertThat(keys(LONG).find(expired.key())).map(DedupClaim::recordId).contains("record-4");
    }

    private AliasIndex aliases(Duration lease) {
        return new AliasIndex(database, claims(lease));
    }

    private DedupIndex keys(Duration lease) {
        return new DedupIndex(database, claims(lease));
    }

    private UnconfirmedClaims claims(Duration lease) {
        return new UnconfirmedClaims(storedEvents::contains, lease, Clock.systemUTC());
    }

    /**
     * Runs the change in a unit of work that publishes an event, and leaves the store as a writer killed between its
     * claims and its events leaves it. Answers the unit of work's proof.
     */
    private String diesAfterItsClaims(Runnable change, String collection) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        String proof = publishAnEvent();
        change.run();
        List<Document> leftBehind = new ArrayList<>();
        unitOfWork.onPrepareCommit(u -> {
            database.getCollection(collection).find().into(leftBehind);
            throw new IllegalStateException("killed before the events were stored");
        });
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(IllegalStateException.class);
        database.getCollection(collection).deleteMany(new Document());
        database.getCollection(collection).insertMany(leftBehind);
        return proof;
    }

    private static String publishAnEvent() {
        EventMessage<?> event = GenericEventMessage.asEventMessage("something happened");
        new CommitProof().handle(List.of(event)).apply(0, event);
        return CommitProof.current().orElseThrow();
    }
}
