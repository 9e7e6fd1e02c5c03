package io.tributary.query.eventlog;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.eventlog.FindEvents;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static io.tributary.query.eventlog.EventLogDocument.ALIASES;
import static io.tributary.query.eventlog.EventLogDocument.AT;
import static io.tributary.query.eventlog.EventLogDocument.EVENT_ID;
import static io.tributary.query.eventlog.EventLogDocument.PROFILE_ID;
import static io.tributary.query.eventlog.EventLogDocument.RECEIVED_AT;
import static io.tributary.query.support.MongoValues.toDate;

/** The {@code eventlog} collection, and the projection's own merge map {@code eventlog_merges}. */
final class EventLogRepository {

    private static final String LOG = "eventlog";
    private static final Bson NEWEST_FIRST = Indexes.descending(RECEIVED_AT, "_id");

    private final MongoCollection<Document> log;
    private final MergeMap merges;

    EventLogRepository(MongoDatabase database) {
        this.log = database.getCollection(LOG);
        this.merges = new MergeMap(database, "eventlog_merges");
        log.createIndex(NEWEST_FIRST);
        for (String field : List.of("sourceId", PROFILE_ID, "eventName", "status", EVENT_ID, ALIASES)) {
            log.createIndex(Indexes.compoundIndex(Indexes.ascending(field), NEWEST_FIRST));
        }
    }

    /** Idempotent: the whole entry is replaced by its recordId. */
    void save(DocumentBatch batch, Document entry) {
        batch.collection(LOG).replace(entry);
    }

    /** Reads what resolving these profiles in this batch will need. */
    void load(DocumentBatch batch, Collection<String> profileIds) {
        merges.load(batch, profileIds);
    }

    String currentProfileOf(DocumentBatch batch, String profileId) {
        return profileId == null ? null : merges.resolve(batch, profileId);
    }

    /**
     * Records the merge only: a profile filter expands to the survivor and every profile merged into it, so no
     * entry is rewritten (rewriting by profile id would scan the log on the embedded store).
     */
    void merge(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        merges.record(batch, mergedProfileId, survivorProfileId);
    }

    /** Undoes a merge: the split profile resolves to itself, and these entries are its own again. */
    void split(DocumentBatch batch, String splitProfileId, List<String> movedRecordIds) {
        merges.forget(batch, splitProfileId);
        batch.collection(LOG).load(movedRecordIds);
        movedRecordIds.forEach(recordId -> {
            Document entry = batch.collection(LOG).update(recordId);
            if (entry != null) {
                entry.put(PROFILE_ID, splitProfileId);
            }
        });
    }

    /** The entry of this record, or null. */
    Document byRecordId(String recordId) {
        return log.find(eq("_id", recordId)).first();
    }

    /** Newest first; {@code limit} null means all. */
    FindIterable<Document> find(FindEvents query, Integer limit) {
        FindIterable<Document> found = log.find(filter(query)).sort(NEWEST_FIRST).batchSize(500);
        return limit == null ? found : found.limit(limit);
    }

    void clear() {
        log.deleteMany(empty());
        merges.clear();
    }

    private Bson filter(FindEvents query) {
        List<Bson> filters = new ArrayList<>();
        if (query.sourceId() != null) {
            filters.add(eq("sourceId", query.sourceId()));
        }
        if (query.eventName() != null) {
            filters.add(eq("eventName", query.eventName()));
        }
        if (query.profileId() != null) {
            filters.add(in(PROFILE_ID, merges.members(merges.resolve(query.profileId()))));
        }
        if (query.eventId() != null) {
            filters.add(eq(EVENT_ID, query.eventId()));
        }
        if (query.alias() != null) {
            filters.add(eq(ALIASES, query.alias()));
        }
        if (query.status() != null) {
            filters.add(eq("status", query.status().toLowerCase(Locale.ROOT)));
        }
        if (query.from() != null) {
            filters.add(gte(AT, toDate(query.from())));
        }
        if (query.to() != null) {
            filters.add(lt(AT, toDate(query.to())));
        }
        if (query.cursor() != null && !query.cursor().isBlank()) {
            EventLogCursor after = EventLogCursor.decode(query.cursor());
            filters.add(or(lt(RECEIVED_AT, toDate(after.receivedAt())),
                    and(eq(RECEIVED_AT, toDate(after.receivedAt())), lt("_id", after.recordId()))));
        }
        return filters.isEmpty() ? empty() : and(filters);
    }
}
