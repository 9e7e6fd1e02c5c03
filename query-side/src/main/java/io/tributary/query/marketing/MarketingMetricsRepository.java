package io.tributary.query.marketing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static io.tributary.query.support.MongoValues.toBson;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricDayVersionView;
import io.tributary.api.marketing.MetricRow;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@code marketing_metric_days}: the latest version of each (source, day) with its rows; and
 * {@code marketing_metric_versions}: every version's totals, for the history. The handler changes them through the
 * {@link DocumentBatch} of its processor batch, by {@code _id} only.
 */
final class MarketingMetricsRepository {

    private static final String SOURCE_ID = "sourceId";
    private static final String DATE = "date";
    private static final String VERSION = "version";
    private static final String DAYS = "marketing_metric_days";
    private static final String VERSIONS = "marketing_metric_versions";

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> versions;

    MarketingMetricsRepository(MongoDatabase database) {
        this.days = database.getCollection(DAYS);
        this.versions = database.getCollection(VERSIONS);
        days.createIndex(Indexes.ascending(DATE, SOURCE_ID));
        versions.createIndex(Indexes.ascending(SOURCE_ID, DATE));
    }

    /** Reads the days the batch's metric days will replace. */
    void load(DocumentBatch batch, Collection<MetricDayRecorded> recorded) {
        batch.collection(DAYS).load(recorded.stream().map(MarketingMetricsRepository::dayIdOf).distinct().toList());
    }

    /** Keeps the day if it is newer than what is stored; versions arriving late or twice change nothing. */
    void record(DocumentBatch batch, MetricDayRecorded event) {
        String dayId = dayIdOf(event);
        MetricTotals totals = new MetricTotals();
        event.rows().forEach(totals::add);
        batch.collection(VERSIONS).replace(new Document("_id", dayId + "|" + event.version())
                .append(SOURCE_ID, event.marketingSourceId()).append(DATE, event.date().toString())
                .append(VERSION, event.version()).append("syncId", event.syncId())
                .append("recordedAt", toDate(event.recordedAt())).append("rowCount", event.rows().size())
                .append("spend", toBson(totals.spend())).append("impressions", totals.impressions())
                .append("clicks", totals.clicks()).append("platformConversions", toBson(totals.conversions()))
                .append("platformConversionValue", toBson(totals.conversionValue())));
        BatchedCollection days = batch.collection(DAYS);
        Document stored = days.find(dayId);
        if (stored == null || stored.get(VERSION) instanceof Number version && version.longValue() < event.version()) {
            days.replace(new Document("_id", dayId).append(SOURCE_ID, event.marketingSourceId())
                    .append(DATE, event.date().toString()).append(VERSION, event.version())
                    .append("syncId", event.syncId()).append("recordedAt", toDate(event.recordedAt()))
                    .append("rows", event.rows().stream().map(MetricRowDocuments::toDocument).toList()));
        }
    }

    private static String dayIdOf(MetricDayRecorded event) {
        return event.marketingSourceId() + "|" + event.date();
    }

    /** The rows of the latest version of every day in the range, of one source or all (null). */
    void forEachRow(LocalDate from, LocalDate to, String sourceId, Consumer<MetricRow> consumer) {
        List<Bson> filters = new ArrayList<>(List.of(gte(DATE, from.toString()), lte(DATE, to.toString())));
        if (sourceId != null) {
            filters.add(eq(SOURCE_ID, sourceId));
        }
        for (Document day : days.find(and(filters))) {
            LocalDate date = LocalDate.parse(day.getString(DATE));
            day.getList("rows", Document.class, List.of()).forEach(row -> consumer.accept(
                    MetricRowDocuments.toRow(date, row)));
        }
    }

    List<MetricDayVersionView> versions(String sourceId, LocalDate date) {
        List<MetricDayVersionView> views = new ArrayList<>();
        versions.find(and(eq(SOURCE_ID, sourceId), eq(DATE, date.toString()))).sort(Indexes.ascending(VERSION))
                .forEach(v -> views.add(new MetricDayVersionView(date, v.getInteger(VERSION), v.getString("syncId"),
                        toInstant(v.getDate("recordedAt")), v.getInteger("rowCount"),
                        MetricRowDocuments.decimal(v, "spend"), MetricRowDocuments.count(v, "impressions"),
                        MetricRowDocuments.count(v, "clicks"), MetricRowDocuments.decimal(v, "platformConversions"),
                        MetricRowDocuments.decimal(v, "platformConversionValue"))));
        return views;
    }

    void clear() {
        days.deleteMany(empty());
        versions.deleteMany(empty());
    }
}
