package io.tributary.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Consumer;

/**
 * An ordered insert of several documents that fails inserts none of them here: the documents inserted before the
 * failing one are removed again before the collection's lock is released, so no reader ever sees them. MongoDB keeps
 * that prefix (the client has to take it back), and a client killed before it did left it for good: the event store
 * appends a unit of work with one ordered insert and relies on it being whole. The write errors reported are those of
 * MongoDB, so clients written for either need nothing else.
 */
final class WholeOrderedInserts {

    private WholeOrderedInserts() {
    }

    /** Answers the write errors, after taking back the prefix an ordered insert left. */
    static List<Document> takeBackPrefix(List<Document> documents, boolean ordered, List<Document> errors,
                                         Consumer<Document> remove) {
        if (ordered && !errors.isEmpty()) {
            int failedAt = ((Number) errors.get(0).get("index")).intValue();
            documents.subList(0, failedAt).forEach(remove);
        }
        return errors;
    }
}
