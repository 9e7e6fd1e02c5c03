package io.tributary.command.ingestion;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.tributary.api.secret.KeyedHash;
import io.tributary.command.support.CommitProof;
import io.tributary.command.support.UnconfirmedClaims;
import io.tributary.command.support.UnitOfWorkBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which profile owns each alias: the set-based check of identity stitching, never read by queries. Ownership is a
 * unique {@code _id} per alias, so two nodes cannot both own one.
 * <p>
 * Inside a unit of work, reads are cached and claims buffered: they are inserted together when the unit of work
 * prepares its commit, before its events are stored. A claim that another node won in the meantime fails that
 * insert, and so the unit of work, which is then retried. Outside a unit of work every call writes through.
 * <p>
 * What a unit of work writes stays {@link UnconfirmedClaims unconfirmed} until it committed, so that claims and
 * reassignments left by a writer that died before storing its events are taken back when next read.
 */
public class AliasIndex {

    static final int LOOKUP_CHUNK = 250;
    private static final String PROFILE_ID = "profileId";
    private static final String BUFFER = AliasIndex.class.getName();
    private static final Logger log = LoggerFactory.getLogger(AliasIndex.class);

    private final MongoCollection<Document> owners;
    private final UnaryOperator<String> idOf;
    private final UnconfirmedClaims unconfirmed;

    public AliasIndex(MongoDatabase database, KeyedHash keyedHash, UnconfirmedClaims unconfirmed) {
        this(database, keyedHash::hash, unconfirmed);
    }

    /** Aliases kept in clear: for tests of the ownership rules only. */
    public AliasIndex(MongoDatabase database) {
        this(database, UnaryOperator.identity(), UnconfirmedClaims.trusted());
    }

    /** Aliases kept in clear: for tests of the ownership rules only. */
    public AliasIndex(MongoDatabase database, UnconfirmedClaims unconfirmed) {
        this(database, UnaryOperator.identity(), unconfirmed);
    }

    private AliasIndex(MongoDatabase database, UnaryOperator<String> idOf, UnconfirmedClaims unconfirmed) {
        this.owners = database.getCollection("alias_owners");
        this.idOf = idOf;
        this.unconfirmed = unconfirmed;
    }

    /** Rewrites owners stored with a clear alias (by an older version) under the alias's keyed hash; answers how many. */
    public int hashStoredAliases() {
        return LookupKeyMigration.hashClearIds(owners, idOf);
    }

    /** Forgets the owners of those aliases (an erased person's), whoever holds them. */
    public void forget(Collection<String> aliases) {
        if (!aliases.isEmpty()) {
            owners.deleteMany(Filters.in("_id", ids(aliases)));
        }
    }

    private List<String> ids(Collection<String> aliases) {
        return aliases.stream().map(idOf).toList();
    }

    /** The owners of those aliases that have one. */
    public Map<String, String> owners(Collection<String> aliases) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isEmpty()) {
            return read(aliases);
        }
        Buffer known = buffer.get();
        List<String> unknown = aliases.stream().filter(a -> !known.owners.containsKey(a)).distinct().toList();
        Map<String, String> found = read(unknown);
        unknown.forEach(alias -> known.owners.put(alias, found.get(alias)));
        Map<String, String> result = new HashMap<>();
        aliases.forEach(alias -> {
            String owner = known.owners.get(alias);
            if (owner != null) {
                result.put(alias, owner);
            }
        });
        return result;
    }

    /**
     * Joins the unit of work in progress before it publishes any event, so that the claims and reassignments it makes
     * are written before its events are stored (a unit of work prepares its commit in the order its parts joined).
     */
    public void joinBeforeEvents() {
        buffer();
    }

    /** True when the alias is now the profile's; false when another profile already holds it. */
    public boolean claim(String alias, String profileId) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isEmpty()) {
            return insert(alias, profileId);
        }
        if (!owners(List.of(alias)).isEmpty()) {
            return false;
        }
        buffer.get().owners.put(alias, profileId);
        buffer.get().claims.put(alias, profileId);
        return true;
    }

    public void release(String alias, String profileId) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isPresent() && profileId.equals(buffer.get().claims.get(alias))) {
            buffer.get().claims.remove(alias);
            buffer.get().owners.put(alias, null);
            return;
        }
        owners.deleteOne(Filters.and(Filters.eq("_id", idOf.apply(alias)), Filters.eq(PROFILE_ID, profileId)));
    }

    public void reassign(Collection<String> aliases, String profileId) {
        Optional<Buffer> buffer = buffer();
        if (buffer.isEmpty()) {
            update(aliases, profileId);
            return;
        }
        owners(aliases);
        for (String alias : aliases) {
            String previous = buffer.get().owners.put(alias, profileId);
            if (previous != null) {
                buffer.get().previous.putIfAbsent(alias, previous);
            }
            if (buffer.get().claims.containsKey(alias)) {
                buffer.get().claims.put(alias, profileId);
            } else {
                buffer.get().reassigned.computeIfAbsent(profileId, p -> new ArrayList<>()).add(alias);
            }
        }
    }

    /**
     * Takes back every claim naming a profile that has no stored events, once it has been missing for the grace
     * ({@link UnconfirmedClaims#ownerMissingForTheGrace}); writes through, also inside a unit of work.
     *
     * @return how many claims were taken back; 0 while the grace runs
     */
    public long takeBackClaimsOfMissing(String profileId) {
        if (!unconfirmed.ownerMissingForTheGrace(profileId)) {
            return 0;
        }
        return owners.deleteMany(Filters.eq(PROFILE_ID, profileId)).getDeletedCount();
    }

    private Optional<Buffer> buffer() {
        return UnitOfWorkBuffer.current(BUFFER, Buffer::new, this::write, this::undo, this::confirm);
    }

    private void write(Buffer buffer) {
        buffer.proof = CommitProof.current();
        List<Document> claims = new ArrayList<>();
        buffer.claims.forEach((alias, profileId) -> claims.add(unconfirmed.unconfirmed(new Document("_id",
                idOf.apply(alias)).append(PROFILE_ID, profileId), buffer.proof, null)));
        buffer.written = true;
        if (!claims.isEmpty()) {
            try {
                owners.insertMany(claims, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                buffer.claims.keySet().removeIf(alias -> e.getWriteErrors().stream()
                        .anyMatch(error -> claims.get(error.getIndex()).getString("_id").equals(idOf.apply(alias))));
                throw new ConcurrencyException("aliases were claimed by another node meanwhile", e);
            }
        }
        buffer.reassigned.forEach((profileId, aliases) -> reassign(buffer, aliases, profileId));
    }

    /** Reassigns in groups of one previous owner, each remembered until the unit of work is confirmed. */
    private void reassign(Buffer buffer, List<String> aliases, String profileId) {
        Map<String, List<String>> byPrevious = new LinkedHashMap<>();
        aliases.forEach(alias -> byPrevious.computeIfAbsent(buffer.previous.get(alias), p -> new ArrayList<>())
                .add(alias));
        byPrevious.forEach((previous, moved) -> owners.updateMany(Filters.in("_id", ids(moved)),
                unconfirmed.unconfirmedUpdate(Updates.set(PROFILE_ID, profileId), buffer.proof,
                        previous == null ? null : new Document(PROFILE_ID, previous))));
    }

    private void confirm(Buffer buffer) {
        if (buffer.proof.isEmpty()) {
            return;
        }
        List<String> written = new ArrayList<>(ids(buffer.claims.keySet()));
        buffer.reassigned.values().forEach(aliases -> written.addAll(ids(aliases)));
        try {
            unconfirmed.confirm(owners, written, buffer.proof.get());
        } catch (RuntimeException e) {
            log.warn("Could not confirm {} alias claims; they are confirmed when next read", written.size(), e);
        }
    }

    /** Takes back what {@link #write} did, when the unit of work fails after it. */
    private void undo(Buffer buffer) {
        if (!buffer.written) {
            return;
        }
        if (!buffer.claims.isEmpty()) {
            owners.deleteMany(Filters.in("_id", ids(buffer.claims.keySet())));
        }
        Map<String, List<String>> byPrevious = new HashMap<>();
        buffer.previous.forEach((alias, owner) -> byPrevious.computeIfAbsent(owner, o -> new ArrayList<>()).add(alias));
        byPrevious.forEach((owner, aliases) -> owners.updateMany(Filters.in("_id", ids(aliases)),
                Updates.combine(Updates.set(PROFILE_ID, owner), UnconfirmedClaims.confirmed())));
    }

    private Map<String, String> read(Collection<String> aliases) {
        Map<String, String> found = new HashMap<>();
        Map<String, String> aliasById = new HashMap<>();
        aliases.forEach(alias -> aliasById.put(idOf.apply(alias), alias));
        List<String> all = List.copyOf(aliasById.keySet());
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            List<Document> chunk = owners.find(Filters.in("_id", all.subList(from, Math.min(all.size(),
                    from + LOOKUP_CHUNK)))).into(new ArrayList<>());
            unconfirmed.settled(owners, chunk)
                    .forEach(d -> found.put(aliasById.get(d.getString("_id")), d.getString(PROFILE_ID)));
        }
        return found;
    }

    private boolean insert(String alias, String profileId) {
        try {
            owners.insertOne(new Document("_id", idOf.apply(alias)).append(PROFILE_ID, profileId));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private void update(Collection<String> aliases, String profileId) {
        if (!aliases.isEmpty()) {
            owners.updateMany(Filters.in("_id", ids(aliases)), Updates.set(PROFILE_ID, profileId));
        }
    }

    /** Known owners (null: known to have none), claims, reassignments and their previous owners, of one unit of work. */
    private static final class Buffer {
        final Map<String, String> owners = new HashMap<>();
        final Map<String, String> claims = new LinkedHashMap<>();
        final Map<String, List<String>> reassigned = new LinkedHashMap<>();
        final Map<String, String> previous = new HashMap<>();
        Optional<String> proof = Optional.empty();
        boolean written;
    }
}
