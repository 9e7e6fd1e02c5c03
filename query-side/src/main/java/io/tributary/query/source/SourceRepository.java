package io.tributary.query.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.source.SourceCreated;
import io.tributary.api.source.SourceType;
import io.tributary.api.source.SourceView;
import io.tributary.query.support.AtMostOnce;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
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

    private final MongoCollection<Document> sources;
    private final MongoCollection<Document> counters;

    SourceRepository(MongoDatabase database) {
        this.sources = database.getCollection("sources");
        this.counters = database.getCollection("source_counters");
        sources.createIndex(Indexes.ascending("createdAt"));
        counters.createIndex(Indexes.ascending("sourceId"));
    }

    void create(SourceCreated e) {
        sources.updateOne(eq("_id", e.sourceId()), combine(set("name", e.name()),
                set("type", e.type() == null ? null : e.type().name()), set("token", e.token()),
                set("allowedOrigins", e.allowedOrigins() == null ? List.of() : e.allowedOrigins()),
                set("createdAt", toDate(e.at())), set("status", "active")), new UpdateOptions().upsert(true));
    }

    void update(String sourceId, Bson update) {
        sources.updateOne(eq("_id", sourceId), update);
    }

    /** Counts a record once, in {@code field}, and keeps the latest receivedAt. */
    void count(String sourceId, String recordId, String field, Instant receivedAt) {
        String bucket = sourceId + "#" + Math.floorMod(recordId.hashCode(), BUCKETS);
        AtMostOnce.apply(counters, bucket, "countedRecordIds", recordId, WINDOW, combine(
                setOnInsert("sourceId", sourceId), inc(field, 1), max("lastSeenAt", toDate(receivedAt))));
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
