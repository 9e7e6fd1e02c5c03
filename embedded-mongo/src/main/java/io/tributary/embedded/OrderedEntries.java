package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of one index in key order: (key values…, _id) → position. A document whose indexed value is an array
 * (it would need a multikey index) or a type that has no order here is kept aside by {@code _id}; while any such
 * document exists the entries are not {@link #ordered()} and serve nothing. Kept in heap ({@link HeapEntries}) on the
 * memory backend and in the H2 file ({@link StoredEntries}) on the file store. Not thread-safe: the owning collection
 * calls it under its own lock, as mongo-java-server does for its indexes.
 */
abstract class OrderedEntries<P> {

    private static final Logger log = LoggerFactory.getLogger(OrderedEntries.class);
    private static final String ID = "_id";
    /** A rough heap cost of one entry in heap: tree node, key array, boxed position. */
    static final long BYTES_PER_ENTRY = 96;

    private final List<String> paths;
    private final KeyOrder order;

    OrderedEntries(List<IndexKey> keys) {
        this.paths = keys.stream().map(IndexKey::getKey).toList();
        this.order = new KeyOrder(keys);
    }

    /** Puts the entry; a key equal (in {@link #order()}) to a present one replaces it. */
    protected abstract void put(Object[] key, P position);

    /** Removes the entry whose key is equal to this one; its position, or null if there was none. */
    protected abstract P removeKey(Object[] key);

    protected abstract void putAside(Object id, P position);

    protected abstract P removeAside(Object id);

    protected abstract boolean nothingAside();

    /** The positions of the keys from {@code low} to {@code high}, both inclusive, in key order or reversed. */
    protected abstract Iterator<P> range(Object[] low, Object[] high, boolean reverse);

    /** Every entry in key order, to find one by {@code _id} when it is not under its key. */
    protected abstract Iterator<Object[]> keys();

    abstract long size();

    abstract void clear();

    /** The index is dropped: its entries go. */
    void drop() {
        clear();
    }

    void add(Document document, P position) {
        Object[] key = keyOf(document);
        if (key == null) {
            putAside(document.get(ID), position);
        } else {
            put(key, position);
        }
    }

    P remove(Document document) {
        Object[] key = keyOf(document);
        P position = key == null ? removeAside(document.get(ID)) : removeKey(key);
        return position != null ? position : removeById(document.get(ID));
    }

    void update(Document before, Document after, P position) {
        Object[] oldKey = keyOf(before);
        Object[] newKey = keyOf(after);
        if (oldKey != null && newKey != null && order.compare(oldKey, newKey) == 0) {
            return;
        }
        remove(before);
        add(after, position);
    }

    /** True when every document sits in key order, so that a walk sees all of them. */
    boolean ordered() {
        return nothingAside();
    }

    KeyOrder order() {
        return order;
    }

    /** The positions inside the boxes (each a low and a high key, inclusive), in key order or reversed. */
    Iterable<P> walk(List<Object[][]> boxes, boolean reverse) {
        List<Object[][]> inOrder = new ArrayList<>(boxes);
        if (reverse) {
            Collections.reverse(inOrder);
        }
        return () -> new Iterator<>() {
            private final Iterator<Object[][]> remainingBoxes = inOrder.iterator();
            private Iterator<P> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && remainingBoxes.hasNext()) {
                    Object[][] box = remainingBoxes.next();
                    if (order.compare(box[0], box[1]) > 0) {
                        continue;
                    }
                    current = range(box[0], box[1], reverse);
                }
                return current.hasNext();
            }

            @Override
            public P next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Counts the positions inside the boxes, stopping at {@code cap}. */
    long count(List<Object[][]> boxes, long cap) {
        long n = 0;
        for (P ignored : walk(boxes, false)) {
            if (++n >= cap) {
                break;
            }
        }
        return n;
    }

    private Object[] keyOf(Document document) {
        Object id = document.get(ID);
        if (id == null || !orderable(id)) {
            return null;
        }
        Object[] key = new Object[paths.size() + 1];
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            Object value = path.indexOf('.') < 0 ? document.getOrMissing(path)
                    : Utils.getSubdocumentValueCollectionAware(document, path);
            if (!orderable(value)) {
                return null;
            }
            key[i] = value instanceof Document nested ? nested.cloneDeeply() : value;
        }
        key[paths.size()] = id instanceof Document nested ? nested.cloneDeeply() : id;
        return key;
    }

    /** Values that mongo-java-server's comparator orders without arrays in between. */
    static boolean orderable(Object value) {
        if (value == null || value instanceof Missing || value instanceof String || value instanceof Boolean
                || value instanceof Instant || value instanceof ObjectId || value instanceof BsonTimestamp) {
            return true;
        }
        if (value instanceof Number number) {
            return number instanceof Integer || number instanceof Long || number instanceof Double
                    || number instanceof Decimal128;
        }
        if (value instanceof Document document) {
            return document.values().stream().allMatch(OrderedEntries::orderable);
        }
        return false;
    }

    /** Only when an entry was not where its document says (it should not happen): find it by _id. */
    private P removeById(Object id) {
        Iterator<Object[]> it = keys();
        while (it.hasNext()) {
            Object[] key = it.next();
            if (java.util.Objects.equals(key[paths.size()], id)) {
                log.warn("Index entry of _id {} was not under its key {}; removed by a full pass", id, paths);
                return removeKey(key);
            }
        }
        return null;
    }
}
