package io.tributary.query.attribution;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.pushEach;

/** Adds an element (with an {@code id} field) to an array of a document once, creating the document if needed. */
final class ArrayUpserts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private ArrayUpserts() {
    }

    /** @param options how to push, e.g. sorted and capped; elements beyond the cap are dropped */
    static void addOnce(MongoCollection<Document> collection, String documentId, String array, Document element,
                        PushOptions options) {
        Bson filter = and(eq("_id", documentId), ne(array + ".id", element.getString("id")));
        Bson push = pushEach(array, List.of(element), options);
        try {
            collection.updateOne(filter, push, UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the document exists and already holds the element, or another writer just created it
            collection.updateOne(filter, push);
        }
    }
}
