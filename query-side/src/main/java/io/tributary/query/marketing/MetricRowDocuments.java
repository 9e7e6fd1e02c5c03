package io.tributary.query.marketing;

import static io.tributary.query.support.MongoValues.toBson;

import io.tributary.api.marketing.AdPlatform;
import io.tributary.api.marketing.MetricRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.bson.Document;
import org.bson.types.Decimal128;

/** Metric rows as BSON (money as Decimal128) and back. */
final class MetricRowDocuments {

    private MetricRowDocuments() {
    }

    static Document toDocument(MetricRow row) {
        return new Document("platform", row.platform() == null ? null : row.platform().name())
                .append("accountId", row.accountId())
                .append("campaignId", row.campaignId()).append("campaignName", row.campaignName())
                .append("adSetId", row.adSetId()).append("adSetName", row.adSetName())
                .append("adId", row.adId()).append("adName", row.adName())
                .append("spend", toBson(row.spend())).append("impressions", row.impressions())
                .append("clicks", row.clicks()).append("platformConversions", toBson(row.platformConversions()))
                .append("platformConversionValue", toBson(row.platformConversionValue()))
                .append("currency", row.currency());
    }

    static MetricRow toRow(LocalDate date, Document doc) {
        String platform = doc.getString("platform");
        return new MetricRow(date, platform == null ? null : AdPlatform.valueOf(platform), doc.getString("accountId"),
                doc.getString("campaignId"), doc.getString("campaignName"), doc.getString("adSetId"),
                doc.getString("adSetName"), doc.getString("adId"), doc.getString("adName"), decimal(doc, "spend"),
                count(doc, "impressions"), count(doc, "clicks"), decimal(doc, "platformConversions"),
                decimal(doc, "platformConversionValue"), doc.getString("currency"));
    }

    static BigDecimal decimal(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    static long count(Document doc, String field) {
        Number value = doc.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
