package io.tributary.command.ingestion;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.tributary.api.secret.KeyedHash;
import io.tributary.command.support.CommitProof;
import io.tributary.command.support.UnconfirmedClaims;
import io.tributary.command.support.UnitOfWorkBuffer;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kept copy of each dedup key: a command-side lookup, claimed atomically (a unique {@code _id}) so that two
 * nodes cannot both keep a copy. Never read by queries.
 * <p>
 * Inside a unit of work, reads are cached and new claims buffered, then inserted together when the unit of work
 * prepares its commit; a key another node claimed meanwhile fails the unit of work, which is retried. Outside a
 * unit of work every call writes through.
 * <p>
 * Keys are stored as their {@link KeyedHash keyed hash} ({@code _id}), never in clear (an order id can identify a
 * person); callers still speak in clear keys. A store written before hashing is converted at start.
 * <p>
 * What a unit of work writes stays {@link UnconfirmedClaims unconfirmed} until it committed, so that a claim left by a
 * writer that died before storing its events is taken back when next read, instead of making the retried event a
 * duplicate of one that was never stored.
 */
public class DedupIndex {

    static final int LOOKUP_CHUNK = 250;
    private static final String BUFFER = DedupIndex.class.getName();
    private static final String RECORD_ID = "recordId";
    private static final String PROFILE_ID = "profileId";
    private static final Logger log = LoggerFactory.getLogger(DedupIndex.class);

    private final MongoCollection<Document> claims;
    private final UnaryOperator<String> idOf;
    private final UnconfirmedClaims unconfirmed;

    public DedupIndex(MongoDatabase database, KeyedHash keyedHash, UnconfirmedClaims unconfirmed) {
        this(database, keyedHash::hash, unconfirmed);
    }

    /** Keys kept in clear: for tests of the dedup rules only. */
    public DedupIndex(MongoDatabase database) {
        this(database, UnaryOperator.identity(), UnconfirmedClaims.trusted());
    }

    /** Keys kept in clear: for tests of the dedup rules only. */
    public DedupIndex(MongoDatabase database, UnconfirmedClaims unconfirmed) {
        this(database, UnaryOperator.identity(), unconfirmed);
    }

    private DedupIndex(MongoDatabase database, UnaryOperator<String> idOf, UnconfirmedClaims unconfirmed) {
        this.claims = database.getCollection("dedup_keys");
        this.idOf = idOf;
        this.unconfirmed = unconfirmed;
    }

    /** Rewrites claims stored with a clear key (by an older version) under the key's keyed hash; answers how many. */
    public int hashStoredKeys() {
        return LookupKeyMigration.hashClearIds(claims, idOf);
    }

    public Optional<DedupClaim> find(String key) {
        return Optional.ofNullable(find(List.of(key)).get(key));
    }

    /** The claims held for those keys; in a unit of work, they are remembered for its later calls. */
    public Map<String, DedupClaim> find(Collection<String> keys) {
        Optional<Buffer> buffer = buffer();
        List<String> unknown = keys.stream().filter(k -> buffer.isEmpty() || !buffer.get().known.containsKey(k))
                .distinct().toList();
        Map<String, DedupClaim> found = read(unknown);
        buffer.ifPresent(b -> unknown.forEach(key -> b.known.put(key, found.get(key))));
        if (buffer.isEmpty()) {
            return found;
        }
        Map<String, DedupClaim> result = new HashMap<>();
        keys.forEach(key -> {
            DedupClaim claim = buffer.get().known.get(key);
            if (claim != null) {
                result.put(key, claim);
            }
        });
        return result;
    }

    /** Claims the key; answers the existing claim instead when another copy holds it. */
    public Optional<DedupClaim> claim(DedupClaim claim) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isPresent()) {
            Optional<DedupClaim> holder = find(claim.key());
            if (holder.isEmpty()) {
                buffer.get().known.put(claim.key(), claim);
                buffer.get().pending.put(claim.key(), claim);
            }
            return holder;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(document(claim, idOf));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Optional<DedupClaim> holder = Optional.ofNullable(read(List.of(claim.key())).get(claim.key()));
                if (holder.isPresent()) {
                    return holder;
                }
            }
        }
        throw new IllegalStateException("dedup key " + claim.key() + " keeps changing hands");
    }

    /**
     * Hands an expired key over to a new copy; false when another copy took it over first. In a unit of work the
     * hand-over is buffered, and one that another copy took first fails the unit of work, which is then retried.
     */
    public boolean replace(DedupClaim expired, DedupClaim claim) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isPresent()) {
            buffer.get().known.put(claim.key(), claim);
            buffer.get().replacing.put(claim.key(), new Replacement(expired, claim));
            return true;
        }
        return claims.replaceOne(held(expired), document(claim, idOf)).getMatchedCount() == 1;
    }

    private Bson held(DedupClaim claim) {
        return Filters.and(Filters.eq("_id", idOf.apply(claim.key())), Filters.eq(RECORD_ID, claim.recordId()));
    }

    public void release(DedupClaim claim) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isPresent() && buffer.get().pending.remove(claim.key(), claim)) {
            buffer.get().known.put(claim.key(), null);
            return;
        }
        claims.deleteOne(held(claim));
    }

    /**
     * Takes back every key whose kept copy names a profile that has no stored events, once it has been missing for
     * the grace ({@link UnconfirmedClaims#ownerMissingForTheGrace}): that copy was never stored either. Writes
     * through, also inside a unit of work.
     *
     * @return how many keys were taken back; 0 while the grace runs
     */
    public long takeBackClaimsOfMissing(String profileId) {
        if (!unconfirmed.ownerMissingForTheGrace(profileId)) {
            return 0;
        }
        return claims.deleteMany(Filters.eq(PROFILE_ID, profileId)).getDeletedCount();
    }

    private Optional<Buffer> buffer() {
        return UnitOfWorkBuffer.current(BUFFER, Buffer::new, this::write, this::undo, this::confirm);
    }

    private void write(Buffer buffer) {
        buffer.proof = CommitProof.current();
        List<DedupClaim> pending = List.copyOf(buffer.pending.values());
        buffer.written = true;
        if (!pending.isEmpty()) {
            try {
                claims.insertMany(pending.stream().map(claim -> unconfirmed.unconfirmed(document(claim, idOf),
                        buffer.proof, null)).toList(), new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                e.getWriteErrors().forEach(error -> buffer.pending.remove(pending.get(error.getIndex()).key()));
                throw new ConcurrencyException("dedup keys were claimed by another node meanwhile", e);
            }
        }
        for (Replacement replacement : buffer.replacing.values()) {
            Document replaced = document(replacement.expired(), idOf);
            if (claims.replaceOne(held(replacement.expired()), unconfirmed.unconfirmed(
                    document(replacement.claim(), idOf), buffer.proof, replaced)).getMatchedCount() != 1) {
                throw new ConcurrencyException("an expired dedup key was taken over by another node meanwhile");
            }
            buffer.replaced.add(replacement);
        }
    }

    private void undo(Buffer buffer) {
        if (buffer.written && !buffer.pending.isEmpty()) {
            claims.deleteMany(Filters.in("_id", buffer.pending.keySet().stream().map(idOf).toList()));
        }
        buffer.replaced.forEach(r -> claims.replaceOne(held(r.claim()), document(r.expired(), idOf)));
    }

    private void confirm(Buffer buffer) {
        if (buffer.proof.isEmpty()) {
            return;
        }
        List<String> written = new ArrayList<>(buffer.pending.keySet());
        buffer.replaced.forEach(r -> written.add(r.claim().key()));
        try {
            unconfirmed.confirm(claims, written.stream().map(idOf).toList(), buffer.proof.get());
        } catch (RuntimeException e) {
            log.warn("Could not confirm {} dedup claims; they are confirmed when next read", written.size(), e);
        }
    }

    private Map<String, DedupClaim> read(List<String> keys) {
        Map<String, DedupClaim> found = new HashMap<>();
        Map<String, String> keyById = new HashMap<>();
        keys.forEach(key -> keyById.put(idOf.apply(key), key));
        List<String> ids = List.copyOf(keyById.keySet());
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            List<Document> chunk = claims.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(),
                    from + LOOKUP_CHUNK)))).into(new ArrayList<>());
            unconfirmed.settled(claims, chunk).forEach(doc -> {
                String key = keyById.get(doc.getString("_id"));
                found.put(key, claim(key, doc));
            });
        }
        return found;
    }

    private static Document document(DedupClaim claim, UnaryOperator<String> idOf) {
        return new Document("_id", idOf.apply(claim.key())).append(RECORD_ID, claim.recordId())
                .append("sourceId", claim.sourceId()).append(PROFILE_ID, claim.profileId())
                .append("fingerprint", claim.fingerprint())
                .append("eventTime", Date.from(claim.eventTime())).append("eventNanos", claim.eventTime().getNano());
    }

    private static DedupClaim claim(String key, Document doc) {
        Instant time = doc.getDate("eventTime").toInstant().with(ChronoField.NANO_OF_SECOND, doc.getInteger("eventNanos", 0));
        return new DedupClaim(key, doc.getString(RECORD_ID), doc.getString("sourceId"),
                doc.getString(PROFILE_ID), doc.getString("fingerprint"), time);
    }

    /** Known claims (null: known to have none) and new claims of one unit of work. */
    private static final class Buffer {
        final Map<String, DedupClaim> known = new HashMap<>();
        final Map<String, DedupClaim> pending = new LinkedHashMap<>();
        final Map<String, Replacement> replacing = new LinkedHashMap<>();
        final List<Replacement> replaced = new ArrayList<>();
        Optional<String> proof = Optional.empty();
        boolean written;
    }

    private record Replacement(DedupClaim expired, DedupClaim claim) {
    }
}
