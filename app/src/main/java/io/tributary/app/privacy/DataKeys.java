package io.tributary.app.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.tributary.api.secret.SecretBox;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * One data key per profile, in its own collection ({@code personal_data_keys}), outside the event store: the key
 * that encrypts the profile's personal fields in stored events. Each key is itself sealed with the server key
 * ({@code TRIBUTARY_SECRET_KEY}). Deleting a profile's key makes its personal fields unreadable for ever: that is
 * how a person is erased from an event store that never forgets.
 * <p>
 * Keys in use are cached in memory (bounded); a key deleted here is dropped from this node's cache at once. Other
 * nodes keep a deleted key in their cache until it is evicted.
 */
public class DataKeys {

    static final String COLLECTION = "personal_data_keys";
    private static final int CACHED = 100_000;
    private static final String KEY = "key";

    private final MongoCollection<Document> keys;
    private final SecretBox serverKey;
    private final Map<String, SecretBox> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretBox> eldest) {
            return size() > CACHED;
        }
    };

    public DataKeys(MongoDatabase database, SecretBox serverKey) {
        this(database, serverKey, COLLECTION);
    }

    /** Keys of another kind, in their own collection (the retention keys, one per source and month). */
    DataKeys(MongoDatabase database, SecretBox serverKey, String collection) {
        this.keys = database.getCollection(collection);
        this.serverKey = serverKey;
    }

    /** The profile's key, created on first use. */
    public SecretBox keyOf(String profileId) {
        SecretBox cached = cached(profileId);
        if (cached != null) {
            return cached;
        }
        String fresh = serverKey.seal(Base64.getEncoder().encodeToString(SecretBox.generateKeyBytes()));
        Document stored = keys.findOneAndUpdate(Filters.eq("_id", profileId), Updates.setOnInsert(KEY, fresh),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return remember(profileId, stored);
    }

    /** The profile's key; empty when it was deleted (the profile was erased) or never existed. */
    public Optional<SecretBox> existingKeyOf(String profileId) {
        SecretBox cached = cached(profileId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Document stored = keys.find(Filters.eq("_id", profileId)).first();
        return stored == null ? Optional.empty() : Optional.of(remember(profileId, stored));
    }

    /** Deletes the keys: every personal field they encrypted reads as erased from now on. */
    public void delete(Collection<String> profileIds) {
        synchronized (cache) {
            profileIds.forEach(cache::remove);
        }
        keys.deleteMany(Filters.in("_id", profileIds));
    }

    /** The ids of the keys that exist and start with {@code prefix}. */
    List<String> idsStartingWith(String prefix) {
        List<String> ids = new ArrayList<>();
        keys.find(Filters.regex("_id", "^" + Pattern.quote(prefix))).projection(Projections.include("_id"))
                .forEach(key -> ids.add(key.getString("_id")));
        return ids;
    }

    private SecretBox cached(String profileId) {
        synchronized (cache) {
            return cache.get(profileId);
        }
    }

    private SecretBox remember(String profileId, Document stored) {
        SecretBox key = SecretBox.ofKeyBytes(Base64.getDecoder().decode(serverKey.open(stored.getString(KEY))));
        synchronized (cache) {
            cache.put(profileId, key);
        }
        return key;
    }
}
