package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire decoder makes a new String for every field name of every document, which is about a quarter of the
 * memory backend's heap. Documents stored here share one String per field name instead. Field names made from
 * data (property names, hours) are shared too, up to {@value #LIMIT} distinct names; past that they are kept as they
 * came. One pool serves the process: field names are the same across collections and databases.
 */
final class SharedFieldNames {

    static final int LIMIT = 200_000;
    static final SharedFieldNames POOL = new SharedFieldNames();

    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** Rewrites the document and its subdocuments in place, in the same field order, with shared names. */
    void share(Document document) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(document.entrySet().size());
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(name(entry.getKey()), shareWithin(entry.getValue())));
        }
        document.clear();
        entries.forEach(entry -> document.put(entry.getKey(), entry.getValue()));
    }

    private Object shareWithin(Object value) {
        if (value instanceof Document document) {
            share(document);
            return document;
        }
        if (value instanceof List<?> list) {
            List<Object> shared = new ArrayList<>(list.size());
            list.forEach(element -> shared.add(shareWithin(element)));
            return shared;
        }
        return value;
    }

    private String name(String name) {
        String shared = names.get(name);
        if (shared != null) {
            return shared;
        }
        if (names.size() >= LIMIT) {
            return name;
        }
        String earlier = names.putIfAbsent(name, name);
        return earlier == null ? name : earlier;
    }
}
