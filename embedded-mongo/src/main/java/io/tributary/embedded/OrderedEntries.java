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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of one index in key order: (key values…, _id) → position. A document whose indexed value is an array
 * (it would need a multikey index) or a type that has no order here is kept aside by {@code _id}; while any such
 * document exists the entries are not {@link #ordered()} and serve nothing. Not thread-safe: the owning collection
 * calls it under its own lock, as mongo-java-server does for its indexes.
 */
final class OrderedEntries<P> {

    private static final Logger log = LoggerFactory.getLogger(OrderedEntries.class);
    private static final String ID = "_id";
    /** A rough heap cost of one entry: tree node, key array, boxed position. */
    static final long BYTES_PER_ENTRY = 96;

    private final List<String> paths;
    private final KeyOrder order;
    private final TreeMap<Object[], P> tree;
    private final Map<Object, P> aside = new HashMap<>();

    OrderedEntries(List<IndexKey> keys) {
        this.paths = keys.stream().map(IndexKey::getKey).toList();
        this.order = new KeyOrder(keys);
        this.tree = new TreeMap<>(order);
    }

    void add(Document document, P position) {
        Object[] key = keyOf(document);
        if (key == null) {
            aside.put(document.get(ID), position);
        } else {
            tree.put(key, position);
        }
    }

    P remove(Document document) {
        Object[] key = keyOf(document);
        P position = key == null ? aside.remove(document.get(ID)) : tree.remove(key);
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
        return aside.isEmpty();
    }

    long size() {
        return tree.size() + aside.size();
    }

    void clear() {
        tree.clear();
        aside.clear();
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
                    NavigableMap<Object[], P> range = tree.subMap(box[0], true, box[1], true);
                    current = (reverse ? range.descendingMap() : range).values().iterator();
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
        Iterator<Map.Entry<Object[], P>> it = tree.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Object[], P> entry = it.next();
            if (Objects.equals(entry.getKey()[paths.size()], id)) {
                log.warn("Index entry of _id {} was not under its key {}; removed by a full pass", id, paths);
                it.remove();
                return entry.getValue();
            }
        }
        return null;
    }
}
