package io.tributary.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At TRACE ({@code logging.level.io.tributary.embedded.QueryLog=TRACE}): every query that reaches an embedded
 * collection, and the index that served it or "scan".
 */
final class QueryLog {

    private static final Logger log = LoggerFactory.getLogger(QueryLog.class);

    private QueryLog() {
    }

    static void served(MongoCollection<?> collection, Document query, Document orderBy, IndexPlanner.Plan<?> plan) {
        if (log.isTraceEnabled()) {
            log.trace("{} {} sort {} -> {}{}", collection.getFullName(), query, orderBy,
                    plan == null ? "scan" : plan.index(), plan != null && plan.sorted() ? " (in order)" : "");
        }
    }
}
