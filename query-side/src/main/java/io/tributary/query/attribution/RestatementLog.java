package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.MetricRow;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.report.RestatementCause;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;

/**
 * {@code report_restatements}: each change to a reported day after it was first counted, per day, model and touch
 * (or ad-platform row), with the cell's values before and after, the cause and the causing domain event's id. An
 * entry's {@code _id} is a digest of the event id, day, model and key, so a redelivered or replayed event rewrites
 * the same entry. It is a history: a read model's reset does not clear it.
 */
final class RestatementLog {

    static final String COLLECTION = "report_restatements";

    private final MongoCollection<Document> entries;

    RestatementLog(MongoDatabase database) {
        entries = database.getCollection(COLLECTION);
    }

    static BatchedCollection in(DocumentBatch batch) {
        return batch.collection(COLLECTION);
    }

    static Document creditChange(LocalDate day, AttributionModel model, Touch touch, Measures before, Measures after,
                                 RestatementCause cause, String eventId) {
        return new Document("_id", TrafficRepository.digest(Stream.of(eventId, day.toString(), model.wireName(),
                TrafficRepository.keyOf(touch)))).append("day", day.toString()).append("model", model.wireName())
                .append("cause", cause.wireName()).append("eventId", eventId)
                .append("touch", TouchDocuments.toDocument(touch))
                .append("before", RollupDocuments.measures(before)).append("after", RollupDocuments.measures(after));
    }

    /** An ad-platform row's key and its spend, impressions and clicks before and after a newer version of its day. */
    static Document adRestatement(LocalDate day, MetricRow key, AdTotals before, AdTotals after, String eventId) {
        Document row = new Document("platform", key.platform() == null ? null : key.platform().wireName())
                .append("campaignId", key.campaignId()).append("campaignName", key.campaignName())
                .append("adSetId", key.adSetId()).append("adSetName", key.adSetName())
                .append("adId", key.adId()).append("adName", key.adName());
        return new Document("_id", TrafficRepository.digest(Stream.of(eventId, day.toString(), "*",
                TrafficRepository.digest(row.values().stream().map(v -> v == null ? null : v.toString())))))
                .append("day", day.toString()).append("model", null)
                .append("cause", RestatementCause.AD_RESTATEMENT.wireName()).append("eventId", eventId)
                .append("row", row).append("before", before.toDocument()).append("after", after.toDocument());
    }

    /** The entries of UTC days {@code from}..{@code to}. */
    List<Document> between(LocalDate from, LocalDate to) {
        List<Document> found = new ArrayList<>();
        entries.find(and(gte("day", from.toString()), lte("day", to.toString()))).forEach(found::add);
        return found;
    }

    /** Spend, impressions and clicks of one ad-platform row key, summed over the rows of a version of a day. */
    record AdTotals(java.math.BigDecimal spend, long impressions, long clicks) {

        static final AdTotals NONE = new AdTotals(java.math.BigDecimal.ZERO, 0, 0);

        AdTotals plus(MetricRow row) {
            return new AdTotals(spend.add(row.spend() == null ? java.math.BigDecimal.ZERO : row.spend()),
                    impressions + row.impressions(), clicks + row.clicks());
        }

        Document toDocument() {
            return new Document("spend", RollupDocuments.text(spend)).append("impressions", impressions)
                    .append("clicks", clicks);
        }

        boolean sameAs(AdTotals other) {
            return spend.compareTo(other.spend) == 0 && impressions == other.impressions && clicks == other.clicks;
        }
    }
}
