package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A unique index of the backend (which enforces uniqueness and finds exact keys, persisted on H2) plus, from the
 * first query that needs them, its entries in key order for ranges and sorts. Most unique indexes only ever see
 * exact lookups, so most never pay for the ordered copy.
 */
final class OrderedUniqueIndex<P> extends Index<P> implements OrderedIndex<P> {

    private final Index<P> unique;
    private final Supplier<OrderedEntries<P>> empty;
    private OrderedEntries<P> entries;

    /** With its ordered entries kept in heap, built on first use. */
    OrderedUniqueIndex(Index<P> unique, String name, List<IndexKey> keys, boolean sparse) {
        this(unique, name, keys, sparse, null, () -> new HeapEntries<>(keys));
    }

    /**
     * With the ordered entries {@code built} before (persisted, complete) or null, and where new ones are made when
     * first needed.
     */
    OrderedUniqueIndex(Index<P> unique, String name, List<IndexKey> keys, boolean sparse, OrderedEntries<P> built,
                       Supplier<OrderedEntries<P>> empty) {
        super(name, keys, sparse);
        this.unique = unique;
        this.entries = built;
        this.empty = empty;
    }

    @Override
    public OrderedEntries<P> entries(Supplier<Stream<DocumentWithPosition<P>>> all) {
        if (entries == null) {
            OrderedEntries<P> built = empty.get();
            all.get().forEach(d -> built.add(d.getDocument(), d.getPosition()));
            entries = built;
        }
        return entries;
    }

    @Override
    public Iterable<P> exactly(Document keyValues) {
        return unique.getPositions(keyValues);
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
        if (entries != null) {
            entries.add(document, position);
        }
    }

    @Override
    public P remove(Document document) {
        P position = unique.remove(document);
        if (entries != null) {
            entries.remove(document);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize() + (entries == null ? 0 : entries.size() * OrderedEntries.BYTES_PER_ENTRY);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        if (entries != null) {
            entries.update(oldDocument, newDocument, position);
        }
    }

    @Override
    public void drop() {
        unique.drop();
        if (entries != null) {
            entries.drop();
        }
        entries = null;
    }
}
