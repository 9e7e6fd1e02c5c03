package io.tributary.query.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The roll-up documents this projection instance wrote last, so that the next batch does not read them back. They
 * are as of one batch number, and only valid while the closed batch marker still holds that number: a batch written
 * since by another node, a batch of ours that did not finish writing, or a batch redone after a crash all leave
 * another number there, and then everything kept here is forgotten. Bounded: the least recently used go first.
 */
final class WrittenRollups {

    private final int capacity;
    private final Map<String, Document> documents;
    /** The batch whose writes the kept documents reflect; 0 for none. */
    private long asOf;

    WrittenRollups(int capacity) {
        this.capacity = capacity;
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > WrittenRollups.this.capacity;
            }
        };
    }

    /** Keeps the documents only if {@code lastClosed}, the number in the closed marker, is the batch they are as of. */
    synchronized void keepIfAsOf(long lastClosed) {
        if (lastClosed != asOf) {
            forget();
        }
    }

    synchronized void forget() {
        documents.clear();
        asOf = 0;
    }

    /** Batch {@code number} is about to write: what it puts here is valid once its closed marker is written. */
    synchronized void writing(long number) {
        asOf = number;
    }

    synchronized void put(RollupGrain grain, String id, Document document) {
        documents.put(key(grain, id), document);
    }

    /** The document as this instance last wrote it, or null when not kept (which says nothing of the store). */
    synchronized Document get(RollupGrain grain, String id) {
        return documents.get(key(grain, id));
    }

    private static String key(RollupGrain grain, String id) {
        return grain.name() + "\n" + id;
    }
}
