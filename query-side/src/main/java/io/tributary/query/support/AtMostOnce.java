package io.tributary.query.support;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pushEach;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Applies an update (typically a {@code $inc}) to one document at most once per key: the document remembers the
 * last {@code window} keys it applied in an array field. Redelivery (at least once) is bounded by a processor
 * batch, so a window larger than the number of keys one document can receive in one batch makes the count exact;
 * a replay starts from a reset, so it is exact too.
 * <p>
 * It reads the document by {@code _id}, then updates by {@code _id} alone: the embedded store uses its index only
 * for such exact filters, and a filter with one more condition would scan the collection. That is safe because a
 * projection is the only writer of its documents and handles one event at a time (one segment per processor).
 */
public final class AtMostOnce {

    private AtMostOnce() {
    }

    /** @return true if the update was applied now, false if the key had already been applied */
    public static boolean apply(MongoCollection<Document> collection, Object id, String keysField, String key,
                                int window, Bson update) {
        Document seen = collection.find(eq("_id", id)).projection(Projections.include(keysField)).first();
        if (seen != null && seen.getList(keysField, Object.class, List.of()).contains(key)) {
            return false;
        }
        Bson remember = pushEach(keysField, List.of(key), new PushOptions().slice(-window));
        collection.updateOne(eq("_id", id), combine(update, remember), new UpdateOptions().upsert(true));
        return true;
    }
}
