package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.pushEach;

/**
 * Adds an element (with an {@code id} field) to an array of a document once, creating the document if needed.
 * Both steps go by {@code _id} alone, so that every store (the embedded one too) uses its index. The check and the
 * push are not one atomic step: a processing group handles one document's events in order, and readers drop
 * repeated ids anyway.
 */
final class ArrayUpserts {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private ArrayUpserts() {
    }

    /** @param options how to push, e.g. sorted and capped; elements beyond the cap are dropped */
    static void addOnce(MongoCollection<Document> collection, String documentId, String array, Document element,
                        PushOptions options) {
        Document current = collection.find(eq("_id", documentId)).projection(include(array)).first();
        String id = element.getString("id");
        if (current != null && current.getList(array, Document.class, List.of()).stream()
                .anyMatch(e -> id.equals(e.getString("id")))) {
            return;
        }
        collection.updateOne(eq("_id", documentId), pushEach(array, List.of(element), options), UPSERT);
    }
}
