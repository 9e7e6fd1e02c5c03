package io.tributary.query.source;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
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
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static io.tributary.query.support.DocumentUpdates.add;
import static io.tributary.query.support.DocumentUpdates.child;
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
    private static final String BACKFILL = "backfill";
    private static final String BACKFILL_ID = "id";
    private static final String STATUS = "status";
    private static final String PAGES = "pages";
    private static final String ORDERS = "orders";
    private static final String IMPORTED = "imported";
    private static final String ALREADY_PRESENT = "alreadyPresent";
    private static final String REJECTED = "rejected";
    private static final String COMMERCE = "commerce";
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

    /** Store sources keep only masked secrets here; the secrets themselves stay on the command side. */
    void connect(DocumentBatch batch, CommerceStoreConnected e) {
        CommerceStore shown = e.maskedStore() != null ? e.maskedStore() : e.store().withSecrets(MaskedSecret::of);
        Document commerce = child(batch.collection(SOURCES).upsert(e.sourceId()), COMMERCE);
        commerce.put("storeUrl", e.store().storeUrl());
        commerce.put("webhookPath", "/api/" + e.type().wireName() + "/" + e.sourceId());
        commerce.put("signingSecret", shown.signingSecret());
        commerce.put("adminApiToken", shown.adminApiToken());
        commerce.put("consumerKey", shown.consumerKey());
        commerce.put("consumerSecret", shown.consumerSecret());
    }

    void rotateSecret(DocumentBatch batch, SigningSecretRotated e) {
        Document source = batch.collection(SOURCES).update(e.sourceId());
        if (source != null) {
            Document commerce = child(source, COMMERCE);
            commerce.put("signingSecret", e.maskedSigningSecret() != null ? e.maskedSigningSecret()
                    : MaskedSecret.of(e.signingSecret()));
            commerce.put("secretRotatedAt", toDate(e.at()));
            commerce.put("previousSecretValidUntil", toDate(e.previousValidUntil()));
        }
    }

    /** A redelivered start does not reset the backfill it started. */
    void startBackfill(DocumentBatch batch, BackfillStarted e) {
        BatchedCollection sources = batch.collection(SOURCES);
        Document source = sources.find(e.sourceId());
        if (source == null || Objects.equals(backfillId(source), e.backfillId())) {
            return;
        }
        sources.update(e.sourceId()).put(BACKFILL, new Document(BACKFILL_ID, e.backfillId()).append(STATUS, "running")
                .append("since", toDate(e.since())).append("startedAt", toDate(e.at())).append(PAGES, 0)
                .append(ORDERS, 0L).append(IMPORTED, 0L).append(ALREADY_PRESENT, 0L).append(REJECTED, 0L));
    }

    /** Pages come in order, once each on the command side; a redelivered page is not counted twice. */
    void countBackfillPage(DocumentBatch batch, BackfillPageImported e) {
        Document source = batch.collection(SOURCES).find(e.sourceId());
        Document backfill = source == null || !isCurrent(source, e.backfillId()) ? null : source.get(BACKFILL, Document.class);
        Number pages = backfill == null ? null : backfill.get(PAGES, Number.class);
        if (pages == null || pages.longValue() >= e.page()) {
            return;
        }
        batch.collection(SOURCES).update(e.sourceId());
        backfill.put(PAGES, e.page());
        add(backfill, ORDERS, e.orders());
        add(backfill, IMPORTED, e.imported());
        add(backfill, ALREADY_PRESENT, e.alreadyPresent());
        add(backfill, REJECTED, e.rejected());
    }

    void completeBackfill(DocumentBatch batch, BackfillCompleted e) {
        Document backfill = currentBackfill(batch, e.sourceId(), e.backfillId());
        if (backfill != null) {
            backfill.put(STATUS, "completed");
            backfill.put("finishedAt", toDate(e.at()));
            backfill.put(PAGES, e.pages());
            backfill.put(ORDERS, e.orders());
            backfill.put(IMPORTED, e.imported());
            backfill.put(ALREADY_PRESENT, e.alreadyPresent());
            backfill.put(REJECTED, e.rejected());
        }
    }

    void failBackfill(DocumentBatch batch, BackfillFailed e) {
        Document backfill = currentBackfill(batch, e.sourceId(), e.backfillId());
        if (backfill != null) {
            backfill.put(STATUS, "failed");
            backfill.put("finishedAt", toDate(e.at()));
            backfill.put("error", e.reason());
        }
    }

    /** The backfill to change when {@code backfillId} is the source's current one, else null. */
    private static Document currentBackfill(DocumentBatch batch, String sourceId, String backfillId) {
        BatchedCollection sources = batch.collection(SOURCES);
        Document source = sources.find(sourceId);
        return source == null || !isCurrent(source, backfillId) ? null : child(sources.update(sourceId), BACKFILL);
    }

    private static boolean isCurrent(Document source, String backfillId) {
        return Objects.equals(backfillId(source), backfillId);
    }

    private static Object backfillId(Document source) {
        Document backfill = source.get(BACKFILL, Document.class);
        return backfill == null ? null : backfill.get(BACKFILL_ID);
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
                totals.rejected, commerce(s.get(COMMERCE, Document.class)), backfill(s.get(BACKFILL, Document.class)));
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
