package io.tributary.query.marketing;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static io.tributary.query.support.DocumentUpdates.child;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.ImportView;
import io.tributary.api.marketing.MarketingErrorView;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.api.marketing.SyncView;
import io.tributary.query.support.DocumentBatch;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * The {@code marketing_sources} collection ({@code _id} = marketingSourceId). Each day's latest version and row
 * count live under {@code days}, so that {@code rowsSynced} stays exact when versions are delivered twice. Handlers
 * change it through the {@link DocumentBatch} of their processor batch, by {@code _id} only.
 */
final class MarketingSourceRepository {

    static final String STATUS = "status";
    static final String LAST_SYNC = "lastSync";
    static final String LAST_ERROR = "lastError";
    private static final String SOURCES = "marketing_sources";

    private final MongoCollection<Document> sources;

    MarketingSourceRepository(MongoDatabase database) {
        this.sources = database.getCollection(SOURCES);
        sources.createIndex(Indexes.ascending("createdAt"));
    }

    /** Reads the sources the batch's events will change. */
    void load(DocumentBatch batch, Collection<String> sourceIds) {
        batch.collection(SOURCES).load(sourceIds);
    }

    void create(DocumentBatch batch, MarketingSourceCreated e) {
        Document source = batch.collection(SOURCES).upsert(e.marketingSourceId(), inserted -> inserted
                .append(STATUS, "active").append("days", new Document()).append("rowsSynced", 0L)
                .append("daysSynced", 0L));
        source.put("platform", e.platform() == null ? null : e.platform().name());
        source.put("name", e.name());
        source.put("accountId", e.accountId());
        source.put("currency", e.currency());
        source.put("apiBaseUrl", e.apiBaseUrl());
        source.put("options", stringMap(e.options()));
        source.put("credentials", stringMap(e.maskedCredentials()));
        source.put("importOnly", e.importOnly());
        source.put("createdAt", toDate(e.at()));
    }

    /** The source to change, or null when there is none (an update without upsert). */
    Document update(DocumentBatch batch, String sourceId) {
        return batch.collection(SOURCES).update(sourceId);
    }

    /** The source to change while its last sync is {@code syncId}, else null. */
    Document updateSync(DocumentBatch batch, String sourceId, String syncId) {
        Document source = batch.collection(SOURCES).find(sourceId);
        return source == null || !Objects.equals(syncId, lastSyncId(source)) ? null : update(batch, sourceId);
    }

    /** Starts showing a sync, unless it is already shown. */
    void startSync(DocumentBatch batch, String sourceId, String syncId, Document lastSync) {
        Document source = batch.collection(SOURCES).find(sourceId);
        if (source != null && !Objects.equals(syncId, lastSyncId(source))) {
            Document changed = update(batch, sourceId);
            changed.put(LAST_SYNC, lastSync);
            changed.put(STATUS, "syncing");
        }
    }

    void recoverFromError(DocumentBatch batch, String sourceId) {
        Document source = batch.collection(SOURCES).find(sourceId);
        if (source != null && "error".equals(source.get(STATUS))) {
            update(batch, sourceId).put(STATUS, "active");
        }
    }

    /** Counts the rows of a day's latest version; older or repeated versions change nothing. */
    void countDay(DocumentBatch batch, MetricDayRecorded e) {
        Document source = batch.collection(SOURCES).find(e.marketingSourceId());
        if (source == null) {
            return;
        }
        Document days = source.get("days", new Document());
        Document day = days.get(e.date().toString(), Document.class);
        if (day != null && day.getInteger("v", 0) >= e.version()) {
            return;
        }
        long rowsBefore = day == null ? 0 : day.getInteger("n", 0);
        long rowsSynced = MetricRowDocuments.count(source, "rowsSynced") - rowsBefore + e.rows().size();
        long daysSynced = MetricRowDocuments.count(source, "daysSynced") + (day == null ? 1 : 0);
        Document changed = update(batch, e.marketingSourceId());
        child(changed, "days").put(e.date().toString(), new Document("v", e.version()).append("n", e.rows().size()));
        changed.put("rowsSynced", rowsSynced);
        changed.put("daysSynced", daysSynced);
    }

    private static Object lastSyncId(Document source) {
        Document lastSync = source.get(LAST_SYNC, Document.class);
        return lastSync == null ? null : lastSync.get("syncId");
    }

    MarketingSourceView find(String sourceId) {
        Document source = sources.find(eq("_id", sourceId)).first();
        return source == null ? null : toView(source);
    }

    List<MarketingSourceView> findAll() {
        List<MarketingSourceView> views = new ArrayList<>();
        sources.find().sort(Indexes.ascending("createdAt", "_id")).forEach(source -> views.add(toView(source)));
        return views;
    }

    void clear() {
        sources.deleteMany(empty());
    }

    static Document error(String message, boolean fatal, String syncId, Instant at) {
        return new Document("message", message).append("fatal", fatal).append("syncId", syncId)
                .append("at", toDate(at));
    }

    private static Document stringMap(Map<String, String> map) {
        Document document = new Document();
        if (map != null) {
            map.forEach(document::append);
        }
        return document;
    }

    private static MarketingSourceView toView(Document s) {
        String platform = s.getString("platform");
        return new MarketingSourceView(s.getString("_id"), platform == null ? null : AdPlatform.valueOf(platform),
                s.getString("name"), s.getString("accountId"), s.getString("currency"), s.getString("apiBaseUrl"),
                strings(s.get("options", Document.class)), strings(s.get("credentials", Document.class)),
                s.getBoolean("importOnly", false), s.getString(STATUS), toInstant(s.getDate("createdAt")),
                syncView(s.get(LAST_SYNC, Document.class)), errorView(s.get(LAST_ERROR, Document.class)),
                importView(s.get("lastImport", Document.class)), MetricRowDocuments.count(s, "rowsSynced"),
                MetricRowDocuments.count(s, "daysSynced"));
    }

    private static Map<String, String> strings(Document document) {
        Map<String, String> map = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((key, value) -> map.put(key, value == null ? null : value.toString()));
        }
        return map;
    }

    private static SyncView syncView(Document d) {
        if (d == null) {
            return null;
        }
        String trigger = d.getString("trigger");
        return new SyncView(d.getString("syncId"), trigger == null ? null : SyncTrigger.valueOf(trigger),
                date(d, "from"), date(d, "to"), d.getString("status"), toInstant(d.getDate("startedAt")),
                toInstant(d.getDate("finishedAt")), d.getInteger("pages"), d.getInteger("rowCount"),
                d.getInteger("changedDays"), date(d, "recordedThrough"), d.getInteger("retries"),
                toInstant(d.getDate("retryAt")));
    }

    private static MarketingErrorView errorView(Document d) {
        return d == null ? null : new MarketingErrorView(d.getString("message"), d.getBoolean("fatal", false),
                d.getString("syncId"), toInstant(d.getDate("at")));
    }

    private static ImportView importView(Document d) {
        return d == null ? null : new ImportView(d.getString("importId"), d.getInteger("rowCount", 0),
                d.getInteger("changedDays", 0), d.getInteger("rejectedLines", 0), toInstant(d.getDate("at")));
    }

    private static LocalDate date(Document d, String field) {
        String value = d.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
