package io.tributary.query.attribution;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricDayRecorded;
import io.tributary.api.marketing.MetricRow;
import io.tributary.query.attribution.AdEntity.Level;
import io.tributary.query.support.MongoValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;

/**
 * The ad-platform metrics read model.
 * <ul>
 * <li>{@code attribution_spend_days}: per day ({@code _id} = yyyy-MM-dd), per marketing source
 * ({@code sources.<id>}), the rows of the highest version recorded; an older or repeated version changes nothing,
 * whatever order they arrive in.</li>
 * <li>{@code attribution_ad_entities}: every campaign, ad set and ad seen, with its name on the latest day it was
 * reported.</li>
 * </ul>
 */
final class SpendRepository {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> entities;

    SpendRepository(MongoDatabase database) {
        days = database.getCollection("attribution_spend_days");
        entities = database.getCollection("attribution_ad_entities");
    }

    void record(MetricDayRecorded day) {
        String field = "sources." + MongoValues.escapeKey(day.marketingSourceId());
        Bson newer = and(eq("_id", day.date().toString()),
                or(exists(field + ".version", false), lt(field + ".version", day.version())));
        Bson replace = set(field, new Document("version", day.version()).append("syncId", day.syncId())
                .append("rows", day.rows().stream().map(SpendRepository::toDocument).toList()));
        try {
            days.updateOne(newer, replace, UPSERT);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            days.updateOne(newer, replace); // the day exists with this version or a newer one, or was just created
        }
        day.rows().forEach(row -> learn(row, day.date()));
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

    private void learn(MetricRow row, LocalDate date) {
        if (row.campaignId() != null) {
            learn(row.platform(), Level.CAMPAIGN, row.campaignId(), row.campaignName(), null, null, date);
        }
        if (row.adSetId() != null) {
            learn(row.platform(), Level.AD_SET, row.adSetId(), row.adSetName(), row.campaignId(), null, date);
        }
        if (row.adId() != null) {
            learn(row.platform(), Level.AD, row.adId(), row.adName(), row.campaignId(), row.adSetId(), date);
        }
    }

    private void learn(AdPlatform platform, Level level, String id, String name, String campaignId, String adSetId,
                       LocalDate date) {
        String key = platform.wireName() + "|" + level + "|" + id;
        entities.updateOne(eq("_id", key), combine(setOnInsert("platform", platform.wireName()),
                setOnInsert("level", level.name()), setOnInsert("id", id), set("campaignId", campaignId),
                set("adSetId", adSetId)), UPSERT);
        if (name != null && !name.isBlank()) {
            entities.updateOne(and(eq("_id", key), or(exists("nameDate", false), lte("nameDate", date.toString()))),
                    combine(set("name", name.trim()), set("nameDate", date.toString())));
        }
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
