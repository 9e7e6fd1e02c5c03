package io.tributary.query.marketing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.ImportView;
import io.tributary.api.marketing.MarketingErrorView;
import io.tributary.api.marketing.MarketingSourceCreated;
import io.tributary.api.marketing.MarketingSourceView;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.SyncTrigger;
import io.tributary.api.marketing.SyncView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code marketing_sources} collection ({@code _id} = marketingSourceId). Each day's latest version and row
 * count live under {@code days}, so that {@code rowsSynced} stays exact when versions are delivered twice.
 */
final class MarketingSourceRepository {

    static final String STATUS = "status";
    static final String LAST_SYNC = "lastSync";
    static final String LAST_ERROR = "lastError";
    private static final String SYNC_ID = LAST_SYNC + ".syncId";

    private final MongoCollection<Document> sources;

    MarketingSourceRepository(MongoDatabase database) {
        this.sources = database.getCollection("marketing_sources");
        sources.createIndex(Indexes.ascending("createdAt"));
    }

    void create(MarketingSourceCreated e) {
        sources.updateOne(eq("_id", e.marketingSourceId()), combine(
                set("platform", e.platform() == null ? null : e.platform().name()), set("name", e.name()),
                set("accountId", e.accountId()), set("currency", e.currency()), set("apiBaseUrl", e.apiBaseUrl()),
                set("options", stringMap(e.options())), set("credentials", stringMap(e.maskedCredentials())),
                set("importOnly", e.importOnly()), set("createdAt", toDate(e.at())),
                setOnInsert(STATUS, "active"), setOnInsert("days", new Document()), setOnInsert("rowsSynced", 0L),
                setOnInsert("daysSynced", 0L)), new UpdateOptions().upsert(true));
    }

    void update(String sourceId, Bson update) {
        sources.updateOne(eq("_id", sourceId), update);
    }

    /** Updates the source only while its last sync is {@code syncId}. */
    void updateSync(String sourceId, String syncId, Bson update) {
        sources.updateOne(and(eq("_id", sourceId), eq(SYNC_ID, syncId)), update);
    }

    /** Starts showing a sync, unless it is already shown. */
    void startSync(String sourceId, String syncId, Document lastSync) {
        sources.updateOne(and(eq("_id", sourceId), ne(SYNC_ID, syncId)),
                combine(set(LAST_SYNC, lastSync), set(STATUS, "syncing")));
    }

    void recoverFromError(String sourceId) {
        sources.updateOne(and(eq("_id", sourceId), eq(STATUS, "error")), set(STATUS, "active"));
    }

    /** Counts the rows of a day's latest version; older or repeated versions change nothing. */
    void countDay(MetricDayRecorded e) {
        Document source = sources.find(eq("_id", e.marketingSourceId())).first();
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
        update(e.marketingSourceId(), combine(
                set("days." + e.date(), new Document("v", e.version()).append("n", e.rows().size())),
                set("rowsSynced", rowsSynced), set("daysSynced", daysSynced)));
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
