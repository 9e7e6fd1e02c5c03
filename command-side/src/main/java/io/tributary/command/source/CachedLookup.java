package io.tributary.command.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.bson.Document;

/**
 * Documents of a command-side lookup read by {@code _id} on every request, kept in memory once found. A key not
 * found is not remembered, so a source created a moment later is seen at once.
 */
final class CachedLookup<T> {

    private final MongoCollection<Document> collection;
    private final Function<Document, T> reader;
    private final Map<String, T> cache = new ConcurrentHashMap<>();

    CachedLookup(MongoCollection<Document> collection, Function<Document, T> reader) {
        this.collection = collection;
        this.reader = reader;
    }

    Optional<T> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        T cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<T> found = Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(reader);
        found.ifPresent(value -> cache.put(id, value));
        return found;
    }

    void forget(String id) {
        cache.remove(id);
    }

    void forgetAll() {
        cache.clear();
    }
}
