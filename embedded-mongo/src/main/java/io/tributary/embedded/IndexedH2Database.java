package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 database whose collections use ordered indexes, persisted in the same file as the documents
 * ({@link StoredEntries}): opening the database finds them complete and reads no collection. An index the file does
 * not hold complete (a file from before they were persisted, an index just created) is filled from its collection
 * once, when it is added, and kept from then on. Unique indexes keep their own persisted maps as before, and get a
 * persisted ordered copy on the first range or sort that needs one. Documents are stored as BSON and keys in
 * {@link StoredKeyType}, not Java-serialised (see {@link StoreFormat}).
 */
final class IndexedH2Database extends H2Database {

    /** H2Database's constructor opens collections before this class's fields are set, so the store comes this way. */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();
    private static final String ORDERED = "._ordered_";
    private static final Logger log = LoggerFactory.getLogger(IndexedH2Database.class);

    private record Opening(MVStore store, AtomicLong builds) {
    }

    private final Opening opened;

    private IndexedH2Database(String name, Opening opening, CursorRegistry cursors) {
        super(name, opening.store(), cursors);
        this.opened = opening;
    }

    /** {@code builds} counts the ordered indexes filled from their collection's documents. */
    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors, AtomicLong builds) {
        Opening opening = new Opening(store, builds);
        OPENING.set(opening);
        try {
            return new IndexedH2Database(name, opening, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** The same maps H2Database opens for a collection. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
        MVMap<String, Object> meta = mvStore().openMap("meta." + getFullCollectionNamespace(name));
        return new IndexedH2Collection(this, name, options, documents(name), meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = mvStore();
        MVMap<KeyValue, Object> map = mvStore.openMap(getFullCollectionNamespace(collection) + "._index_" + name,
                new MVMap.Builder<KeyValue, Object>().keyType(StoredKeyType.INSTANCE).valueType(StoredKeyType.INSTANCE));
        String ordered = orderedMapName(collection, name);
        MVMap<Object, Document> documents = documents(collection);
        StoredEntries built = StoredEntries.existing(mvStore, ordered, keys, documents.sizeAsLong());
        return new OrderedUniqueIndex<>(new StoredUniqueIndex(map, name, keys, sparse), name, keys, sparse, built,
                () -> fresh(ordered, keys, documents));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
        String ordered = orderedMapName(collection, name);
        MVMap<Object, Document> documents = documents(collection);
        StoredEntries entries = StoredEntries.existing(mvStore(), ordered, keys, documents.sizeAsLong());
        return new RangeIndex<>(name, keys, sparse, entries != null ? entries : fresh(ordered, keys, documents));
    }

    /** Empty entries, which the caller fills from the collection's documents (counted as a build if there are any). */
    private StoredEntries fresh(String mapName, List<IndexKey> keys, MVMap<Object, Document> documents) {
        if (!documents.isEmpty()) {
            opening().builds().incrementAndGet();
            log.info("Building the ordered index {} from {} documents; it is kept in the file from then on", mapName,
                    documents.sizeAsLong());
        }
        return StoredEntries.fresh(mvStore(), mapName, keys);
    }

    /** The ordered entries move with the collection; H2Database moves its documents. */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldPrefix = collection.getFullName() + ORDERED;
        super.moveCollection(oldDatabase, collection, newCollectionName);
        StoredEntries.rename(mvStore(), oldPrefix, getFullCollectionNamespace(newCollectionName) + ORDERED);
    }

    private MVMap<Object, Document> documents(String collection) {
        return mvStore().openMap("databases." + getFullCollectionNamespace(collection),
                new MVMap.Builder<Object, Document>().keyType(StoredKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE));
    }

    private String orderedMapName(String collection, String index) {
        return getFullCollectionNamespace(collection) + ORDERED + index;
    }

    private MVStore mvStore() {
        return opening().store();
    }

    private Opening opening() {
        return opened != null ? opened : OPENING.get();
    }
}
