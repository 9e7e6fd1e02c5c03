package io.tributary.command.ingestion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.secret.KeyedHash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;

/** Converts a lookup collection whose {@code _id}s an older version stored in clear to keyed hashes, in place. */
final class LookupKeyMigration {

    private LookupKeyMigration() {
    }

    /** Answers how many documents were rewritten; none when the ids are kept in clear (tests). */
    static int hashClearIds(MongoCollection<Document> collection, UnaryOperator<String> idOf) {
        if (idOf.apply("").isEmpty()) {
            return 0;
        }
        List<Document> clear = new ArrayList<>();
        collection.find(Filters.not(Filters.regex("_id", "^" + KeyedHash.PREFIX))).into(clear);
        for (Document document : clear) {
            Object clearId = document.get("_id");
            if (clearId instanceof String id) {
                Document hashed = new Document(document).append("_id", idOf.apply(id));
                collection.replaceOne(Filters.eq("_id", hashed.get("_id")), hashed, new ReplaceOptions().upsert(true));
                collection.deleteOne(Filters.eq("_id", clearId));
            }
        }
        return clear.size();
    }
}
