package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections use ordered indexes. The ordered entries live in memory: they are rebuilt from
 * the file when the database opens (H2Database's constructor reopens every collection and index), and unique
 * indexes keep their own persisted maps as before. Documents are stored as BSON and keys in {@link StoredKeyType},
 * not Java-serialised (see {@link StoreFormat}).
 */
final class IndexedH2Database extends H2Database {

    /** H2Database's constructor opens collections before this class's fields are set, so the store comes this way. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new IndexedH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    /** The same maps H2Database opens for a collection. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
        MVStore mvStore = store != null ? store : OPENING.get();
        String fullName = getFullCollectionNamespace(name);
        MVMap<Object, Document> data = mvStore.openMap("databases." + fullName,
                new MVMap.Builder<Object, Document>().keyType(StoredKeyType.INSTANCE).valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> meta = mvStore.openMap("meta." + fullName);
        return new IndexedH2Collection(this, name, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        MVMap<KeyValue, Object> map = mvStore.openMap(getFullCollectionNamespace(collection) + "._index_" + name,
                new MVMap.Builder<KeyValue, Object>().keyType(StoredKeyType.INSTANCE).valueType(StoredKeyType.INSTANCE));
        return new OrderedUniqueIndex<>(new StoredUniqueIndex(map, name, keys, sparse), name, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys, boolean sparse) {
        return new RangeIndex<>(name, keys, sparse);
    }
}
