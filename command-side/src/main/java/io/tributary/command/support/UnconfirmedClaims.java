package io.tributary.command.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Claims (alias owners, dedup keys) are written when their unit of work prepares its commit, just before its events
 * are stored, and MongoDB has no transaction across the two. So each claim is written unconfirmed: it carries its
 * unit of work's {@link CommitProof proof} (the identifier of the first event it published), the time it was
 * written, and what it replaced. It is confirmed (those fields removed) once the unit of work has committed.
 * <p>
 * A reader that meets an unconfirmed claim checks the event store for its proof. Stored: the claim is confirmed and
 * held. Not stored and older than the lease: its writer died between the two writes (killed, or its machine lost),
 * so the claim is taken back, restoring what it replaced, and the retried request is decided afresh instead of being
 * answered as a duplicate of an event that was never stored. Not stored but younger: a unit of work on another node
 * is committing it right now, and the reader waits for it, at most until the lease ends.
 */
public final class UnconfirmedClaims {

    public static final Duration LEASE = Duration.ofSeconds(10);
    /** How long a confirmed claim's owner may be missing from the event store before its claims are taken back. */
    public static final Duration OWNER_GRACE = Duration.ofSeconds(2);
    static final Duration FORGET_MISSING = Duration.ofMinutes(1);
    static final String PROOF = "proof";
    static final String CLAIMED_AT = "claimedAt";
    static final String REPLACED = "replaced";
    private static final String ID = "_id";
    private static final Duration PAUSE = Duration.ofMillis(25);

    private final Predicate<String> stored;
    private final Duration lease;
    private final Clock clock;
    /** Owners that confirmed claims name but that have no stored events, with when this node first saw that. */
    private final Map<String, Instant> missingOwners = new ConcurrentHashMap<>();

    /**
     * @param stored whether the event store holds the event with this identifier
     */
    public UnconfirmedClaims(Predicate<String> stored, Duration lease, Clock clock) {
        this.stored = stored;
        this.lease = lease;
        this.clock = clock;
    }

    public UnconfirmedClaims(Predicate<String> stored) {
        this(stored, LEASE, Clock.systemUTC());
    }

    /** Every claim held as written: for tests of other rules, and stores without events. */
    public static UnconfirmedClaims trusted() {
        return new UnconfirmedClaims(eventId -> true);
    }

    /** The claim as this unit of work writes it: unconfirmed when it has a proof, keeping what it replaces. */
    public Document unconfirmed(Document claim, Optional<String> proof, Document replaced) {
        proof.ifPresent(p -> {
            claim.append(PROOF, p).append(CLAIMED_AT, Date.from(clock.instant()));
            if (replaced != null) {
                Document previous = new Document(replaced);
                previous.remove(ID);
                claim.append(REPLACED, previous);
            }
        });
        return claim;
    }

    /** The update that marks existing claims as changed by this unit of work (see {@link #unconfirmed}). */
    public Bson unconfirmedUpdate(Bson change, Optional<String> proof, Document replaced) {
        if (proof.isEmpty()) {
            return change;
        }
        Document fields = unconfirmed(new Document(), proof, replaced);
        List<Bson> updates = new ArrayList<>(List.of(change));
        fields.forEach((name, value) -> updates.add(Updates.set(name, value)));
        return Updates.combine(updates);
    }

    /**
     * Whether claims naming this owner, which has no stored events at all, may be taken back: once this node has seen
     * it missing for {@link #OWNER_GRACE} (or the lease, if shorter). A confirmed claim whose owner was never stored
     * is left by a writer killed while it took back a partly stored append (MongoDB has no transaction across the
     * documents of one append; the embedded store never keeps a part); the grace lets an append that a reader saw
     * half done finish first. An owner seen missing longer ago than {@link #FORGET_MISSING} is forgotten.
     */
    public boolean ownerMissingForTheGrace(String ownerId) {
        Instant now = clock.instant();
        missingOwners.values().removeIf(since -> Duration.between(since, now).compareTo(FORGET_MISSING) > 0);
        Instant since = missingOwners.computeIfAbsent(ownerId, id -> now);
        Duration grace = lease.compareTo(OWNER_GRACE) < 0 ? lease : OWNER_GRACE;
        return Duration.between(since, now).compareTo(grace) >= 0;
    }

    /** After the unit of work committed: its claims among those ids are confirmed. */
    public void confirm(MongoCollection<Document> claims, Collection<?> ids, String proof) {
        if (!ids.isEmpty()) {
            claims.updateMany(Filters.and(Filters.in(ID, ids), Filters.eq(PROOF, proof)), confirmed());
        }
    }

    /** Undoes the unconfirmed marks, for a rollback that restores owners by hand. */
    public static Bson confirmed() {
        return Updates.combine(Updates.unset(PROOF), Updates.unset(CLAIMED_AT), Updates.unset(REPLACED));
    }

    /**
     * The claims read, as they stand once every unconfirmed one among them is settled: held as written, or taken
     * back (left out, or replaced by what it had replaced).
     */
    public List<Document> settled(MongoCollection<Document> claims, List<Document> found) {
        Map<String, Boolean> committed = new HashMap<>();
        List<Document> result = new ArrayList<>(found.size());
        for (Document claim : found) {
            String proof = claim.getString(PROOF);
            if (proof == null || committed.computeIfAbsent(proof, p -> committed(claims, claim))) {
                if (proof != null) {
                    confirm(claims, List.of(claim.get(ID)), proof);
                }
                result.add(claim);
            } else {
                takeBack(claims, claim).ifPresent(result::add);
            }
        }
        return result;
    }

    /**
     * Whether the claim's unit of work committed: its proof is stored. Waits for that until the lease ends, unless the
     * claim is taken back meanwhile (its writer rolled back after losing a conflict).
     */
    private boolean committed(MongoCollection<Document> claims, Document claim) {
        String proof = claim.getString(PROOF);
        Instant leaseEnds = claim.getDate(CLAIMED_AT).toInstant().plus(lease);
        Bson unchanged = Filters.and(Filters.eq(ID, claim.get(ID)), Filters.eq(PROOF, proof));
        while (true) {
            if (stored.test(proof)) {
                return true;
            }
            Duration left = Duration.between(clock.instant(), leaseEnds);
            if (left.isNegative() || left.isZero() || claims.countDocuments(unchanged) == 0) {
                return false;
            }
            pause(left.compareTo(PAUSE) < 0 ? left : PAUSE);
        }
    }

    /** Takes an orphaned claim back, unless someone else settled it first; answers what the claim now is. */
    private static Optional<Document> takeBack(MongoCollection<Document> claims, Document claim) {
        Bson mine = Filters.and(Filters.eq(ID, claim.get(ID)), Filters.eq(PROOF, claim.getString(PROOF)));
        Document replaced = claim.get(REPLACED, Document.class);
        if (replaced == null) {
            claims.deleteOne(mine);
        } else {
            claims.replaceOne(mine, replaced);
        }
        return Optional.ofNullable(claims.find(Filters.eq(ID, claim.get(ID))).first())
                .filter(now -> now.getString(PROOF) == null);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a claim to be committed", e);
        }
    }
}
