package io.tributary.query.support;

import com.mongodb.client.MongoDatabase;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents one projection reads and changes while it handles one batch of events, per collection: read once,
 * changed in memory, written together at the end, so that a batch costs a few round trips instead of several per
 * event. It assumes that nothing else writes these documents meanwhile: each projection is the only writer of its
 * collections and runs in a single segment (one batch at a time), see {@link UnitOfWorkBatches}.
 */
public final class DocumentBatch {

    private final MongoDatabase database;
    private final Map<String, BatchedCollection> collections = new LinkedHashMap<>();

    public DocumentBatch(MongoDatabase database) {
        this.database = database;
    }

    public BatchedCollection collection(String name) {
        return collections.computeIfAbsent(name, n -> new BatchedCollection(database.getCollection(n)));
    }

    /** Writes what changed: one ordered bulk write per collection, collections in the order first used. */
    public void write() {
        collections.values().forEach(BatchedCollection::write);
    }
}
