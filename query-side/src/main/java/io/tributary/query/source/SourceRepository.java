package io.tributary.query.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.query.support.AtMostOnce;
import io.tributary.query.support.DocumentBatch;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static io.tributary.query.support.DocumentUpdates.increment;
import static io.tributary.query.support.DocumentUpdates.max;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The {@code sources} collection ({@code _id} = sourceId) and its counters in {@code source_counters}. A busy
 * source's counts are spread over {@value #BUCKETS} documents by a hash of the recordId, each remembering its
 * last {@value #WINDOW} record ids, so that counting stays exact under redelivery (at most a processor batch)
 * without rewriting one big document per event.
 */
final class SourceRepository {

    static final int BUCKETS = 64;
    static final int WINDOW = 128;
    private static final String SOURCES = "sources";
    private static final String COUNTERS = "source_counters";
    private static final AtMostOnce RECORDS = new AtMostOnce("countedRecordIds", WINDOW);

    private final MongoCollection<Document> sources;
    private final MongoCollection<Document> counters;

    SourceRepository(MongoDatabase database) {
        this.sources = database.getCollection(SOURCES);
        this.counters = database.getCollection(COUNTERS);
        sources.createIndex(Indexes.ascending("createdAt"));
        counters.createIndex(Indexes.ascending("sourceId"));
    }

    /** Reads the sources and counters that the batch's events will change. */
    void load(DocumentBatch batch, Collection<String> sourceIds, Collection<String> buckets) {
        batch.collection(SOURCES).load(sourceIds);
        batch.collection(COUNTERS).load(buckets);
    }

    void create(DocumentBatch batch, SourceCreated e) {
        Document source = batch.collection(SOURCES).upsert(e.sourceId());
        source.put("name", e.name());
        source.put("type", e.type() == null ? null : e.type().name());
        source.put("token", e.token());
        source.put("allowedOrigins", e.allowedOrigins() == null ? List.of() : e.allowedOrigins());
        source.put("createdAt", toDate(e.at()));
        source.put("status", "active");
    }

    /** Sets a field of a known source (an unknown one stays unknown). */
    void set(DocumentBatch batch, String sourceId, String field, Object value) {
        Document source = batch.collection(SOURCES).update(sourceId);
        if (source != null) {
            source.put(field, value);
        }
    }

    /** Counts a record once, in {@code field}, and keeps the latest receivedAt. */
    void count(DocumentBatch batch, String sourceId, String recordId, String field, Instant receivedAt) {
        RECORDS.apply(batch.collection(COUNTERS), bucket(sourceId, recordId), recordId,
                inserted -> inserted.put("sourceId", sourceId), counter -> {
                    increment(counter, field);
                    max(counter, "lastSeenAt", toDate(receivedAt));
                });
    }

    /** The counter a record is counted in: a busy source's counts are spread by a hash of the record id. */
    static String bucket(String sourceId, String recordId) {
        return sourceId + "#" + Math.floorMod(recordId.hashCode(), BUCKETS);
    }

    SourceView find(String sourceId) {
        Document source = sources.find(eq("_id", sourceId)).first();
        if (source == null) {
            return null;
        }
        Totals totals = new Totals();
        counters.find(eq("sourceId", sourceId)).forEach(totals::add);
        return toView(source, totals);
    }

    /** Every source, oldest first. */
    List<SourceView> findAll() {
        Map<String, Totals> totals = new HashMap<>();
        counters.find().forEach(counter -> totals.computeIfAbsent(counter.getString("sourceId"), id -> new Totals())
                .add(counter));
        List<SourceView> views = new ArrayList<>();
        sources.find().sort(Indexes.ascending("createdAt", "_id")).forEach(source ->
                views.add(toView(source, totals.getOrDefault(source.getString("_id"), new Totals()))));
        return views;
    }

    void clear() {
        sources.deleteMany(empty());
        counters.deleteMany(empty());
    }

    private static SourceView toView(Document s, Totals totals) {
        String type = s.getString("type");
        return new SourceView(s.getString("_id"), s.getString("name"), type == null ? null : SourceType.valueOf(type),
                s.getString("token"), s.getString("status"), s.getList("allowedOrigins", String.class, List.of()),
                toInstant(s.getDate("createdAt")), totals.lastSeenAt, totals.accepted, totals.duplicate,
                totals.rejected);
    }

    private static final class Totals {
        private long accepted;
        private long duplicate;
        private long rejected;
        private Instant lastSeenAt;

        void add(Document counter) {
            accepted += number(counter, SourceProjection.ACCEPTED);
            duplicate += number(counter, SourceProjection.DUPLICATE);
            rejected += number(counter, SourceProjection.REJECTED);
            Instant seen = toInstant(counter.getDate("lastSeenAt"));
            if (seen != null && (lastSeenAt == null || seen.isAfter(lastSeenAt))) {
                lastSeenAt = seen;
            }
        }

        private static long number(Document document, String field) {
            Number number = document.get(field, Number.class);
            return number == null ? 0 : number.longValue();
        }
    }
}
