package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.in;

/**
 * Reads documents by {@code _id} in small chunks: an index lookup on every store, and fast on the embedded one,
 * which matches {@code $in} by scanning the list for each hit.
 */
final class ByIds {

    private static final int CHUNK = 100;

    private ByIds() {
    }

    static void find(MongoCollection<Document> collection, Collection<String> ids, Consumer<Document> each) {
        find(collection, ids, null, each);
    }

    /** As {@link #find(MongoCollection, Collection, Consumer)}, each document with only the fields of {@code fields}. */
    static void find(MongoCollection<Document> collection, Collection<String> ids, Bson fields, Consumer<Document> each) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int i = 0; i < all.size(); i += CHUNK) {
            collection.find(in("_id", all.subList(i, Math.min(all.size(), i + CHUNK)))).projection(fields)
                    .forEach(each);
        }
    }
}
