package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A non-unique secondary index kept in key order, where mongo-java-server would keep none. It answers no query on
 * its own ({@link #canHandle} is false); {@link IndexPlanner} walks it for the collection. Every document has an
 * entry, also in a sparse index, so a walk never misses one.
 */
final class RangeIndex<P> extends Index<P> implements OrderedIndex<P> {

    private final OrderedEntries<P> entries;

    /** In heap, filled from the collection when the index is added. */
    RangeIndex(String name, List<IndexKey> keys, boolean sparse) {
        this(name, keys, sparse, new HeapEntries<>(keys));
    }

    /** On these entries: persisted ones that are already complete, or empty ones that the collection fills. */
    RangeIndex(String name, List<IndexKey> keys, boolean sparse, OrderedEntries<P> entries) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    public OrderedEntries<P> entries(Supplier<Stream<DocumentWithPosition<P>>> all) {
        return entries;
    }

    /** Not unique: the collection finds a document's position through its unique indexes. */
    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        entries.add(document, position);
    }

    @Override
    public P remove(Document document) {
        return entries.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("walked by IndexPlanner only");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return entries.size() * OrderedEntries.BYTES_PER_ENTRY;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        entries.update(oldDocument, newDocument, position);
    }

    @Override
    public void drop() {
        entries.drop();
    }
}
