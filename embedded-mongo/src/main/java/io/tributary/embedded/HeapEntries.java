package io.tributary.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Ordered entries in heap: the memory backend's, built again whenever the store starts. */
final class HeapEntries<P> extends OrderedEntries<P> {

    private final TreeMap<Object[], P> tree;
    private final Map<Object, P> aside = new HashMap<>();

    HeapEntries(List<IndexKey> keys) {
        super(keys);
        this.tree = new TreeMap<>(order());
    }

    @Override
    protected void put(Object[] key, P position) {
        tree.put(key, position);
    }

    @Override
    protected P removeKey(Object[] key) {
        return tree.remove(key);
    }

    @Override
    protected void putAside(Object id, P position) {
        aside.put(id, position);
    }

    @Override
    protected P removeAside(Object id) {
        return aside.remove(id);
    }

    @Override
    protected boolean nothingAside() {
        return aside.isEmpty();
    }

    @Override
    protected Iterator<P> range(Object[] low, Object[] high, boolean reverse) {
        NavigableMap<Object[], P> range = tree.subMap(low, true, high, true);
        return (reverse ? range.descendingMap() : range).values().iterator();
    }

    @Override
    protected Iterator<Object[]> keys() {
        return tree.keySet().iterator();
    }

    @Override
    long size() {
        return tree.size() + aside.size();
    }

    @Override
    void clear() {
        tree.clear();
        aside.clear();
    }
}
