package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.Iterator;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Ordered entries persisted in the H2 file: a map {@code <collection>._ordered_<index>} whose keys are (key values…,
 * _id) in index order ({@link EntryKeyType}), and {@code …_aside} for documents kept aside. On the file store a
 * document's position is its {@code _id}, the key's last value, so the map stores nothing besides the key. These maps
 * live in the same MVStore as the collection, so one commit holds a document and its entries, or neither.
 * <p>
 * A map counts as complete only while {@value #MARKERS} names it with {@value #FORMAT}: {@link #fresh} marks a new
 * empty map, which its collection fills before the next commit can happen; a map left without its mark (or of
 * another format) is dropped and built again.
 */
final class StoredEntries extends OrderedEntries<Object> {

    static final String MARKERS = "tributary.indexes";
    static final String FORMAT = "ordered-1";
    private static final String ASIDE = "_aside";

    private final MVStore store;
    private final String mapName;
    private final MVMap<Object[], Boolean> tree;
    private final MVMap<Object, Object> aside;

    private StoredEntries(MVStore store, String mapName, List<IndexKey> keys) {
        super(keys);
        this.store = store;
        this.mapName = mapName;
        this.tree = store.openMap(mapName, new MVMap.Builder<Object[], Boolean>()
                .keyType(new EntryKeyType(order())).valueType(NoValueType.INSTANCE));
        this.aside = store.openMap(mapName + ASIDE, new MVMap.Builder<Object, Object>()
                .keyType(StoredKeyType.INSTANCE).valueType(StoredKeyType.INSTANCE));
    }

    /** The complete persisted entries of this map, if the file holds them with {@code documents} entries; else null. */
    static StoredEntries existing(MVStore store, String mapName, List<IndexKey> keys, long documents) {
        if (!store.hasMap(mapName) || !FORMAT.equals(markers(store).get(mapName))) {
            return null;
        }
        StoredEntries entries = new StoredEntries(store, mapName, keys);
        return entries.size() == documents ? entries : null;
    }

    /** New, empty entries under this name (any left before are removed), marked complete: fill them at once. */
    static StoredEntries fresh(MVStore store, String mapName, List<IndexKey> keys) {
        removeMaps(store, mapName);
        markers(store).put(mapName, FORMAT);
        return new StoredEntries(store, mapName, keys);
    }

    /** Moves the entries of every index of a collection to the collection's new name. */
    static void rename(MVStore store, String oldPrefix, String newPrefix) {
        MVMap<String, String> markers = markers(store);
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(oldPrefix)) {
                String renamed = newPrefix + name.substring(oldPrefix.length());
                removeMaps(store, renamed);
                store.renameMap(store.openMap(name), renamed);
                String format = markers.remove(name);
                if (format != null) {
                    markers.put(renamed, format);
                }
            }
        }
    }

    private static MVMap<String, String> markers(MVStore store) {
        return store.openMap(MARKERS);
    }

    private static void removeMaps(MVStore store, String mapName) {
        for (String name : List.of(mapName, mapName + ASIDE)) {
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }
    }

    @Override
    protected void put(Object[] key, Object position) {
        tree.put(key, Boolean.TRUE);
    }

    @Override
    protected Object removeKey(Object[] key) {
        return tree.remove(key) == null ? null : positionOf(key);
    }

    @Override
    protected void putAside(Object id, Object position) {
        aside.put(id, position);
    }

    @Override
    protected Object removeAside(Object id) {
        return aside.remove(id);
    }

    @Override
    protected boolean nothingAside() {
        return aside.isEmpty();
    }

    @Override
    protected Iterator<Object> range(Object[] low, Object[] high, boolean reverse) {
        Cursor<Object[], Boolean> cursor = reverse ? tree.cursor(high, low, true) : tree.cursor(low, high, false);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Object next() {
                return positionOf(cursor.next());
            }
        };
    }

    @Override
    protected Iterator<Object[]> keys() {
        return tree.keyIterator(null);
    }

    @Override
    long size() {
        return tree.sizeAsLong() + aside.sizeAsLong();
    }

    @Override
    void clear() {
        tree.clear();
        aside.clear();
    }

    /** The index is dropped: its maps and its mark leave the file. */
    @Override
    void drop() {
        markers(store).remove(mapName);
        removeMaps(store, mapName);
    }

    private static Object positionOf(Object[] key) {
        return key[key.length - 1];
    }
}
