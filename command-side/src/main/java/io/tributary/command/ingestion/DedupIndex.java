package io.tributary.command.ingestion;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.tributary.api.secret.KeyedHash;
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
import org.bson.Document;

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
 */
public class DedupIndex {

    static final int LOOKUP_CHUNK = 250;
    private static final String BUFFER = DedupIndex.class.getName();

    private final MongoCollection<Document> claims;
    private final UnaryOperator<String> idOf;

    public DedupIndex(MongoDatabase database, KeyedHash keyedHash) {
        this(database, keyedHash::hash);
    }

    /** Keys kept in clear: for tests of the dedup rules only. */
    public DedupIndex(MongoDatabase database) {
        this(database, UnaryOperator.identity());
    }

    private DedupIndex(MongoDatabase database, UnaryOperator<String> idOf) {
        this.claims = database.getCollection("dedup_keys");
        this.idOf = idOf;
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

    /** Hands an expired key over to a new copy; false when another copy took it over first. */
    public boolean replace(DedupClaim expired, DedupClaim claim) {
        boolean replaced = claims.replaceOne(Filters.and(Filters.eq("_id", idOf.apply(expired.key())),
                Filters.eq("recordId", expired.recordId())), document(claim, idOf)).getMatchedCount() == 1;
        if (replaced) {
            buffer().ifPresent(b -> b.known.put(claim.key(), claim));
        }
        return replaced;
    }

    public void release(DedupClaim claim) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isPresent() && buffer.get().pending.remove(claim.key(), claim)) {
            buffer.get().known.put(claim.key(), null);
            return;
        }
        claims.deleteOne(Filters.and(Filters.eq("_id", idOf.apply(claim.key())),
                Filters.eq("recordId", claim.recordId())));
    }

    public void restore(DedupClaim claim) {
        claims.replaceOne(Filters.eq("_id", idOf.apply(claim.key())), document(claim, idOf));
    }

    private Optional<Buffer> buffer() {
        return UnitOfWorkBuffer.current(BUFFER, Buffer::new, this::write, this::undo);
    }

    private void write(Buffer buffer) {
        List<DedupClaim> pending = List.copyOf(buffer.pending.values());
        buffer.written = true;
        if (pending.isEmpty()) {
            return;
        }
        try {
            claims.insertMany(pending.stream().map(claim -> document(claim, idOf)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            e.getWriteErrors().forEach(error -> buffer.pending.remove(pending.get(error.getIndex()).key()));
            throw new ConcurrencyException("dedup keys were claimed by another node meanwhile", e);
        }
    }

    private void undo(Buffer buffer) {
        if (buffer.written && !buffer.pending.isEmpty()) {
            claims.deleteMany(Filters.in("_id", buffer.pending.keySet().stream().map(idOf).toList()));
        }
    }

    private Map<String, DedupClaim> read(List<String> keys) {
        Map<String, DedupClaim> found = new HashMap<>();
        Map<String, String> keyById = new HashMap<>();
        keys.forEach(key -> keyById.put(idOf.apply(key), key));
        List<String> ids = List.copyOf(keyById.keySet());
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            claims.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))))
                    .forEach(doc -> {
                        String key = keyById.get(doc.getString("_id"));
                        found.put(key, claim(key, doc));
                    });
        }
        return found;
    }

    private static Document document(DedupClaim claim, UnaryOperator<String> idOf) {
        return new Document("_id", idOf.apply(claim.key())).append("recordId", claim.recordId())
                .append("sourceId", claim.sourceId()).append("profileId", claim.profileId())
                .append("fingerprint", claim.fingerprint())
                .append("eventTime", Date.from(claim.eventTime())).append("eventNanos", claim.eventTime().getNano());
    }

    private static DedupClaim claim(String key, Document doc) {
        Instant time = doc.getDate("eventTime").toInstant().with(ChronoField.NANO_OF_SECOND, doc.getInteger("eventNanos", 0));
        return new DedupClaim(key, doc.getString("recordId"), doc.getString("sourceId"),
                doc.getString("profileId"), doc.getString("fingerprint"), time);
    }

    /** Known claims (null: known to have none) and new claims of one unit of work. */
    private static final class Buffer {
        final Map<String, DedupClaim> known = new HashMap<>();
        final Map<String, DedupClaim> pending = new LinkedHashMap<>();
        boolean written;
    }
}
