package io.tributary.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The global index counter: one document {@code {_id: <events collection>, value: <highest reserved index>}}.
 * Reserving a block of {@code n} indexes is one {@code findOneAndUpdate} with {@code $inc}, an exact {@code _id}
 * match that every backend (the embedded one included) serves from its primary index. Indexes start at 1. A block
 * whose events are never written leaves a gap, which the gap-aware tracking token tolerates.
 */
final class GlobalSequence {

    /** The first global index ever handed out. */
    static final long FIRST_INDEX = 1;
    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;
    private final Bson counterId;

    GlobalSequence(MongoCollection<Document> counters, String name) {
        this.counters = counters;
        this.counterId = Filters.eq("_id", name);
    }

    /**
     * Reserves {@code count} consecutive indexes.
     *
     * @return the highest reserved index; the block is {@code [result - count + 1, result]}
     */
    long reserve(int count) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions()
                .upsert(true)
                .returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include(VALUE));
        try {
            return valueOf(counters.findOneAndUpdate(counterId, Updates.inc(VALUE, (long) count), options));
        } catch (MongoServerException e) {
            // two first-ever upserts may race on a real MongoDB; the loser sees a duplicate _id and simply retries
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return valueOf(counters.findOneAndUpdate(counterId, Updates.inc(VALUE, (long) count), options));
        }
    }

    /** The highest index reserved so far (written or not), or 0 when nothing was ever reserved. */
    long current() {
        return valueOf(counters.find(counterId).projection(Projections.include(VALUE)).first());
    }

    private static long valueOf(Document counter) {
        if (counter == null || counter.get(VALUE) == null) {
            return 0;
        }
        return ((Number) counter.get(VALUE)).longValue();
    }
}
