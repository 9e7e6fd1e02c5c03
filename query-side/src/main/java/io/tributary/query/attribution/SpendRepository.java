package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.query.attribution.AdEntity.Level;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MongoValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

import static com.mongodb.client.model.Filters.empty;
import static io.tributary.query.support.DocumentUpdates.child;

/**
 * The ad-platform metrics read model.
 * <ul>
 * <li>{@code attribution_spend_days}: per day ({@code _id} = yyyy-MM-dd), per marketing source
 * ({@code sources.<id>}), the rows of the highest version recorded; an older or repeated version changes nothing,
 * whatever order they arrive in.</li>
 * <li>{@code attribution_ad_entities}: every campaign, ad set and ad seen, with its name on the latest day it was
 * reported.</li>
 * </ul>
 * The handler changes them through the {@link DocumentBatch} of its processor batch, by {@code _id} only.
 */
final class SpendRepository {

    private static final String DAYS = "attribution_spend_days";
    private static final String ENTITIES = "attribution_ad_entities";
    private static final String VERSION = "version";
    private static final String NAME_DATE = "nameDate";

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> entities;

    SpendRepository(MongoDatabase database) {
        days = database.getCollection(DAYS);
        entities = database.getCollection(ENTITIES);
    }

    /** Reads the days and ad entities the batch's metric days will change. */
    void load(DocumentBatch batch, Collection<MetricDayRecorded> recorded) {
        List<MetricDayRecorded> readable = recorded.stream().filter(day -> day.date() != null && day.rows() != null)
                .toList();
        batch.collection(DAYS).load(readable.stream().map(day -> day.date().toString()).distinct().toList());
        List<String> keys = new ArrayList<>();
        readable.forEach(day -> day.rows().forEach(row -> {
            if (row == null || row.platform() == null) {
                return;
            }
            if (row.campaignId() != null) {
                keys.add(keyOf(row.platform(), Level.CAMPAIGN, row.campaignId()));
            }
            if (row.adSetId() != null) {
                keys.add(keyOf(row.platform(), Level.AD_SET, row.adSetId()));
            }
            if (row.adId() != null) {
                keys.add(keyOf(row.platform(), Level.AD, row.adId()));
            }
        }));
        batch.collection(ENTITIES).load(keys);
    }

    /** Keeps the day's rows of this source when its version is newer than the one stored. */
    void record(DocumentBatch batch, MetricDayRecorded day, String messageId) {
        String key = MongoValues.escapeKey(day.marketingSourceId());
        BatchedCollection days = batch.collection(DAYS);
        Document stored = days.find(day.date().toString());
        Document sources = stored == null ? null : stored.get("sources", Document.class);
        Document source = sources == null ? null : sources.get(key, Document.class);
        if (source == null || !source.containsKey(VERSION)
                || source.get(VERSION) instanceof Number version && version.longValue() < day.version()) {
            if (source != null && messageId != null) {
                logRestatement(batch, day, source.getList("rows", Document.class, List.of()), messageId);
            }
            child(days.upsert(day.date().toString()), "sources").put(key, new Document(VERSION, day.version())
                    .append("syncId", day.syncId())
                    .append("rows", day.rows().stream().map(SpendRepository::toDocument).toList()));
        }
        day.rows().forEach(row -> learn(batch.collection(ENTITIES), row, day.date()));
    }

    /** A newer version of a day already counted: per ad-platform row key whose figures changed, before and after. */
    private static void logRestatement(DocumentBatch batch, MetricDayRecorded day, List<Document> previousRows,
                                       String messageId) {
        Map<MetricRow, RestatementLog.AdTotals> before = totalsByKey(previousRows.stream()
                .map(row -> rowOf(row, day.date())).toList());
        Map<MetricRow, RestatementLog.AdTotals> after = totalsByKey(day.rows());
        Set<MetricRow> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.forEach(rowKey -> {
            RestatementLog.AdTotals was = before.getOrDefault(rowKey, RestatementLog.AdTotals.NONE);
            RestatementLog.AdTotals is = after.getOrDefault(rowKey, RestatementLog.AdTotals.NONE);
            if (!was.sameAs(is)) {
                RestatementLog.in(batch).replace(RestatementLog.adRestatement(day.date(), rowKey, was, is, messageId));
            }
        });
    }

    /** Rows summed per key: the row with only its platform and entity ids and names set. */
    private static Map<MetricRow, RestatementLog.AdTotals> totalsByKey(List<MetricRow> rows) {
        Map<MetricRow, RestatementLog.AdTotals> totals = new LinkedHashMap<>();
        rows.stream().filter(Objects::nonNull).forEach(row -> totals.merge(keyOf(row),
                RestatementLog.AdTotals.NONE.plus(row), (a, b) -> new RestatementLog.AdTotals(a.spend().add(b.spend()),
                        a.impressions() + b.impressions(), a.clicks() + b.clicks())));
        return totals;
    }

    static MetricRow keyOf(MetricRow row) {
        return new MetricRow(null, row.platform(), null, row.campaignId(), row.campaignName(), row.adSetId(),
                row.adSetName(), row.adId(), row.adName(), null, 0, 0, null, null, null);
    }

    /** Every row of the highest versions of these days, dated by its day. */
    List<MetricRow> rowsOn(Collection<LocalDate> dates) {
        List<MetricRow> rows = new ArrayList<>();
        ByIds.find(days, dates.stream().map(LocalDate::toString).toList(), day -> {
            LocalDate date = LocalDate.parse(day.getString("_id"));
            day.get("sources", Document.class).values().forEach(source -> ((Document) source)
                    .getList("rows", Document.class).forEach(row -> rows.add(rowOf(row, date))));
        });
        return rows;
    }

    List<AdEntity> entities() {
        List<AdEntity> all = new ArrayList<>();
        entities.find().forEach(d -> all.add(new AdEntity(AdPlatform.fromWire(d.getString("platform")),
                Level.valueOf(d.getString("level")), d.getString("id"), d.getString("name"), d.getString("campaignId"),
                d.getString("adSetId"))));
        return all;
    }

    void clear() {
        days.deleteMany(empty());
        entities.deleteMany(empty());
    }

    private static void learn(BatchedCollection entities, MetricRow row, LocalDate date) {
        if (row.campaignId() != null) {
            learn(entities, row.platform(), Level.CAMPAIGN, row.campaignId(), row.campaignName(), null, null, date);
        }
        if (row.adSetId() != null) {
            learn(entities, row.platform(), Level.AD_SET, row.adSetId(), row.adSetName(), row.campaignId(), null, date);
        }
        if (row.adId() != null) {
            learn(entities, row.platform(), Level.AD, row.adId(), row.adName(), row.campaignId(), row.adSetId(), date);
        }
    }

    /** The entity's parents as last reported; its name as reported on the latest day (a blank name changes nothing). */
    private static void learn(BatchedCollection entities, AdPlatform platform, Level level, String id, String name,
                              String campaignId, String adSetId, LocalDate date) {
        Document entity = entities.upsert(keyOf(platform, level, id), inserted -> inserted
                .append("platform", platform.wireName()).append("level", level.name()).append("id", id));
        entity.put("campaignId", campaignId);
        entity.put("adSetId", adSetId);
        if (name != null && !name.isBlank() && (!entity.containsKey(NAME_DATE)
                || entity.get(NAME_DATE) instanceof String named && named.compareTo(date.toString()) <= 0)) {
            entity.put("name", name.trim());
            entity.put(NAME_DATE, date.toString());
        }
    }

    private static String keyOf(AdPlatform platform, Level level, String id) {
        return platform.wireName() + "|" + level + "|" + id;
    }

    private static Document toDocument(MetricRow r) {
        return new Document("platform", r.platform().wireName()).append("accountId", r.accountId())
                .append("campaignId", r.campaignId()).append("campaignName", r.campaignName())
                .append("adSetId", r.adSetId()).append("adSetName", r.adSetName())
                .append("adId", r.adId()).append("adName", r.adName())
                .append("spend", MongoValues.toBson(r.spend())).append("impressions", r.impressions())
                .append("clicks", r.clicks()).append("platformConversions", MongoValues.toBson(r.platformConversions()))
                .append("platformConversionValue", MongoValues.toBson(r.platformConversionValue()))
                .append("currency", r.currency());
    }

    private static MetricRow rowOf(Document d, LocalDate date) {
        return new MetricRow(date, AdPlatform.fromWire(d.getString("platform")), d.getString("accountId"),
                d.getString("campaignId"), d.getString("campaignName"), d.getString("adSetId"), d.getString("adSetName"),
                d.getString("adId"), d.getString("adName"), decimal(d.get("spend")), number(d.get("impressions")),
                number(d.get("clicks")), decimal(d.get("platformConversions")),
                decimal(d.get("platformConversionValue")), d.getString("currency"));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
