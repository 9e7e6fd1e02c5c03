package io.tributary.query.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.backfill.BackfillCompleted;
import io.tributary.api.backfill.BackfillFailed;
import io.tributary.api.backfill.BackfillPageImported;
import io.tributary.api.backfill.BackfillStarted;
import io.tributary.api.backfill.BackfillView;
import io.tributary.api.source.CommerceStore;
import io.tributary.api.source.CommerceStoreConnected;
import io.tributary.api.source.CommerceView;
import io.tributary.api.source.SigningSecretRotated;
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

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
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
    private static final String BACKFILL = "backfill";
    private static final String BACKFILL_ID = "id";
    private static final String STATUS = "status";
    private static final String PAGES = "pages";
    private static final String ORDERS = "orders";
    private static final String IMPORTED = "imported";
    private static final String ALREADY_PRESENT = "alreadyPresent";
    private static final String REJECTED = "rejected";
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

    /** Store sources keep only masked secrets here; the secrets themselves stay on the command side. */
    void connect(CommerceStoreConnected e) {
        CommerceStore store = e.store();
        String webhookPath = "/api/" + e.type().wireName() + "/" + e.sourceId();
        sources.updateOne(eq("_id", e.sourceId()), combine(set("commerce.storeUrl", store.storeUrl()),
                set("commerce.webhookPath", webhookPath),
                set("commerce.signingSecret", MaskedSecret.of(store.signingSecret())),
                set("commerce.adminApiToken", MaskedSecret.of(store.adminApiToken())),
                set("commerce.consumerKey", MaskedSecret.of(store.consumerKey())),
                set("commerce.consumerSecret", MaskedSecret.of(store.consumerSecret()))),
                new UpdateOptions().upsert(true));
    }

    void rotateSecret(SigningSecretRotated e) {
        sources.updateOne(eq("_id", e.sourceId()), combine(
                set("commerce.signingSecret", MaskedSecret.of(e.signingSecret())),
                set("commerce.secretRotatedAt", toDate(e.at())),
                set("commerce.previousSecretValidUntil", toDate(e.previousValidUntil()))));
    }

    void startBackfill(BackfillStarted e) {
        Document backfill = new Document(BACKFILL_ID, e.backfillId()).append(STATUS, "running")
                .append("since", toDate(e.since())).append("startedAt", toDate(e.at())).append(PAGES, 0)
                .append(ORDERS, 0L).append(IMPORTED, 0L).append(ALREADY_PRESENT, 0L).append(REJECTED, 0L);
        sources.updateOne(and(eq("_id", e.sourceId()), ne(BACKFILL + "." + BACKFILL_ID, e.backfillId())),
                set(BACKFILL, backfill));
    }

    /** Pages come in order, once each on the command side; a redelivered page is not counted twice. */
    void countBackfillPage(BackfillPageImported e) {
        sources.updateOne(and(eq("_id", e.sourceId()), eq(BACKFILL + "." + BACKFILL_ID, e.backfillId()),
                lt(BACKFILL + "." + PAGES, e.page())), combine(set(BACKFILL + "." + PAGES, e.page()),
                inc(BACKFILL + "." + ORDERS, (long) e.orders()), inc(BACKFILL + "." + IMPORTED, (long) e.imported()),
                inc(BACKFILL + "." + ALREADY_PRESENT, (long) e.alreadyPresent()),
                inc(BACKFILL + "." + REJECTED, (long) e.rejected())));
    }

    void completeBackfill(BackfillCompleted e) {
        sources.updateOne(and(eq("_id", e.sourceId()), eq(BACKFILL + "." + BACKFILL_ID, e.backfillId())), combine(
                set(BACKFILL + "." + STATUS, "completed"), set(BACKFILL + ".finishedAt", toDate(e.at())),
                set(BACKFILL + "." + PAGES, e.pages()), set(BACKFILL + "." + ORDERS, e.orders()),
                set(BACKFILL + "." + IMPORTED, e.imported()), set(BACKFILL + "." + ALREADY_PRESENT, e.alreadyPresent()),
                set(BACKFILL + "." + REJECTED, e.rejected())));
    }

    void failBackfill(BackfillFailed e) {
        sources.updateOne(and(eq("_id", e.sourceId()), eq(BACKFILL + "." + BACKFILL_ID, e.backfillId())), combine(
                set(BACKFILL + "." + STATUS, "failed"), set(BACKFILL + ".finishedAt", toDate(e.at())),
                set(BACKFILL + ".error", e.reason())));
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
                totals.rejected, commerce(s.get("commerce", Document.class)), backfill(s.get(BACKFILL, Document.class)));
    }

    private static CommerceView commerce(Document c) {
        return c == null ? null : new CommerceView(c.getString("storeUrl"), c.getString("webhookPath"),
                c.getString("signingSecret"), c.getString("adminApiToken"), c.getString("consumerKey"),
                c.getString("consumerSecret"), toInstant(c.getDate("secretRotatedAt")),
                toInstant(c.getDate("previousSecretValidUntil")));
    }

    private static BackfillView backfill(Document b) {
        return b == null ? null : new BackfillView(b.getString(BACKFILL_ID), b.getString(STATUS),
                toInstant(b.getDate("since")), toInstant(b.getDate("startedAt")), toInstant(b.getDate("finishedAt")),
                (int) Totals.number(b, PAGES), Totals.number(b, ORDERS), Totals.number(b, IMPORTED),
                Totals.number(b, ALREADY_PRESENT), Totals.number(b, REJECTED), b.getString("error"));
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
