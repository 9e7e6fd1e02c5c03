package io.tributary.query.support;

import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final List<Runnable> beforeWrite = new ArrayList<>();

    public DocumentBatch(MongoDatabase database) {
        this.database = database;
    }

    public BatchedCollection collection(String name) {
        return collections.computeIfAbsent(name, n -> new BatchedCollection(database.getCollection(n)));
    }

    /**
     * Runs {@code step} once, when the batch is written, before anything is written: for a projection that keeps
     * changes in its own form during the batch and turns them into documents once.
     */
    public void beforeWrite(Runnable step) {
        beforeWrite.add(step);
    }

    /** Writes what changed: one ordered bulk write per collection, collections in the order first used. */
    public void write() {
        List<Runnable> steps = List.copyOf(beforeWrite);
        beforeWrite.clear();
        steps.forEach(Runnable::run);
        collections.values().forEach(BatchedCollection::write);
    }
}
