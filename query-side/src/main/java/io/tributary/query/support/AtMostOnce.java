package io.tributary.query.support;

import org.bson.Document;

import java.util.List;
import java.util.function.Consumer;

/**
 * Applies a change (typically a count) to one document at most once per key: the document remembers the last
 * {@code window} keys it applied in an array field. Redelivery (at least once) is bounded by a processor batch, so a
 * window larger than the number of keys one document can receive in one batch makes the count exact; a replay
 * starts from a reset, so it is exact too.
 * <p>
 * It works on the documents of a {@link DocumentBatch}: read by {@code _id} once per batch, changed in memory, and
 * written back whole by {@code _id}. That is safe because a projection is the only writer of its documents and
 * handles one batch at a time (one segment per processor).
 */
public final class AtMostOnce {

    private final String keysField;
    private final int window;

    /** @param keysField the array field that remembers the keys; @param window how many keys it remembers */
    public AtMostOnce(String keysField, int window) {
        this.keysField = keysField;
        this.window = window;
    }

    /** @return true if the change was applied now, false if the key had already been applied */
    public boolean apply(BatchedCollection collection, Object id, Object key, Consumer<Document> change) {
        return apply(collection, id, key, inserted -> { }, change);
    }

    /**
     * As {@link #apply(BatchedCollection, Object, Object, Consumer)}, creating the document when absent and filling
     * it with {@code onInsert} first.
     */
    public boolean apply(BatchedCollection collection, Object id, Object key, Consumer<Document> onInsert,
                         Consumer<Document> change) {
        Document seen = collection.find(id);
        if (seen != null && seen.getList(keysField, Object.class, List.of()).contains(key)) {
            return false;
        }
        Document document = collection.upsert(id, onInsert);
        change.accept(document);
        List<Object> keys = DocumentUpdates.mutableList(document, keysField);
        keys.add(key);
        if (keys.size() > window) {
            keys.subList(0, keys.size() - window).clear();
        }
        return true;
    }
}
