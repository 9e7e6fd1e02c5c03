package io.tributary.query.support;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pushEach;

/**
 * Applies an update (typically a {@code $inc}) to one document at most once per key, atomically: the document
 * remembers the last {@code window} keys it applied in an array field, and the update only matches while the key
 * is absent. Redelivery (at least once) is bounded by a processor batch, so a window larger than the number of
 * keys one document can receive in one batch makes the count exact. A replay starts from a reset, so it is exact
 * too. Only single-document atomic updates are used (no transactions).
 */
public final class AtMostOnce {

    private AtMostOnce() {
    }

    /** @return true if the update was applied now, false if the key had already been applied */
    public static boolean apply(MongoCollection<Document> collection, Object id, String keysField, String key,
                                int window, Bson update) {
        Bson filter = and(eq("_id", id), ne(keysField, key));
        Bson remember = pushEach(keysField, List.of(key), new PushOptions().slice(-window));
        try {
            UpdateResult result = collection.updateOne(filter, combine(update, remember),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the filter missed: either the key is already there, or another writer created the document
            // between our match and our insert; without the upsert only the second case applies the update
            return collection.updateOne(filter, combine(update, remember)).getModifiedCount() > 0;
        }
    }
}
