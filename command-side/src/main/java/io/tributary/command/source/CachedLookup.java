package io.tributary.command.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * Documents of a command-side lookup read by {@code _id} on every request, kept in memory once found. A key not
 * found is not remembered, so a source created a moment later is seen at once. An entry is read again after
 * {@code ttl}: the lookup is written by whichever node handled the change, so another node's cache sees a rotation or
 * a disable within that bound (this node's own changes are forgotten at once by the handlers).
 */
final class CachedLookup<T> {

    /** The bound on how long another node's change to a source or its secrets may go unseen here. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private final MongoCollection<Document> collection;
    private final Function<Document, T> reader;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<T>> cache = new ConcurrentHashMap<>();

    CachedLookup(MongoCollection<Document> collection, Function<Document, T> reader) {
        this(collection, reader, DEFAULT_TTL, System::nanoTime);
    }

    CachedLookup(MongoCollection<Document> collection, Function<Document, T> reader, Duration ttl,
                 LongSupplier nanoTime) {
        this.collection = collection;
        this.reader = reader;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    private record Entry<T>(T value, long readAt) {
    }

    Optional<T> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        Entry<T> cached = cache.get(id);
        if (cached != null && now - cached.readAt() < ttlNanos) {
            return Optional.of(cached.value());
        }
        Optional<T> found = Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(reader);
        if (found.isPresent()) {
            cache.put(id, new Entry<>(found.get(), now));
        } else {
            cache.remove(id);
        }
        return found;
    }

    void forget(String id) {
        cache.remove(id);
    }

    void forgetAll() {
        cache.clear();
    }
}
