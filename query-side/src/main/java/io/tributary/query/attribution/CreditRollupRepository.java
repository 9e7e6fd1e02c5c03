package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.report.AttributionModel;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

import static com.mongodb.client.model.Filters.empty;

/**
 * The credit roll-ups (conversion_time mode), read and written by {@code _id} only:
 * <ul>
 * <li>{@code rollup_credit_ledgers}: per conversion ({@code _id} = record id) what it adds: its UTC day, per model
 * its credit per touch, and itself counted once;</li>
 * <li>{@code rollup_credit_days}: per model and UTC day ({@code _id} = {@code model|yyyy-MM-dd}) the sum of the
 * ledgers of the day's conversions: credit per touch ({@code cells}), conversions counted once ({@code once}),
 * and, per other currency, its orders and revenue ({@code others}).</li>
 * </ul>
 * A day document is always the sum of its ledgers, recomputed from them when one of them changes.
 */
final class CreditRollupRepository {

    static final String LEDGERS = "rollup_credit_ledgers";
    static final String DAYS = "rollup_credit_days";

    private final MongoCollection<Document> ledgers;
    private final MongoCollection<Document> days;

    CreditRollupRepository(MongoDatabase database) {
        ledgers = database.getCollection(LEDGERS);
        days = database.getCollection(DAYS);
    }

    static String dayId(AttributionModel model, LocalDate day) {
        return model.wireName() + "|" + day;
    }

    static Document toDocument(String recordId, CreditLedger ledger) {
        Document models = new Document();
        ledger.credit().forEach((model, byTouch) -> models.append(model.wireName(), RollupDocuments.cells(byTouch)));
        return new Document("_id", recordId).append("day", ledger.day().toString()).append("models", models)
                .append("once", RollupDocuments.measures(ledger.once()))
                .append("otherCurrency", ledger.otherCurrency())
                .append("otherCurrencyRevenue", ledger.otherCurrencyRevenue() == null ? null
                        : RollupDocuments.text(ledger.otherCurrencyRevenue()));
    }

    Map<String, Document> ledgers(Collection<String> recordIds) {
        Map<String, Document> found = new HashMap<>();
        ByIds.find(ledgers, recordIds, d -> found.put(d.getString("_id"), d));
        return found;
    }

    /** The day documents of a model, by date. */
    Map<LocalDate, Document> daysOf(AttributionModel model, Collection<LocalDate> dates) {
        Map<LocalDate, Document> found = new LinkedHashMap<>();
        ByIds.find(days, dates.stream().map(d -> dayId(model, d)).toList(),
                d -> found.put(LocalDate.parse(d.getString("day")), d));
        return found;
    }

    /** The stored day documents of every model for one day. */
    Map<AttributionModel, Document> allModelsOn(LocalDate date) {
        Map<AttributionModel, Document> found = new EnumMap<>(AttributionModel.class);
        ByIds.find(days, java.util.Arrays.stream(AttributionModel.values()).map(m -> dayId(m, date)).toList(),
                d -> found.put(AttributionModel.fromWire(d.getString("model")), d));
        return found;
    }

    /** The day documents of every model for one day, as they are summed from these ledgers. */
    static Map<AttributionModel, Document> summed(LocalDate day, Collection<Document> ledgersOfDay) {
        Map<AttributionModel, Document> summed = new EnumMap<>(AttributionModel.class);
        Measures once = new Measures();
        Map<String, BigDecimal[]> others = new java.util.TreeMap<>();
        for (Document ledger : ledgersOfDay) {
            once.add(RollupDocuments.measuresOf(ledger.get("once", Document.class)));
            String currency = ledger.getString("otherCurrency");
            if (currency != null) {
                BigDecimal[] tally = others.computeIfAbsent(currency, c -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                tally[0] = tally[0].add(BigDecimal.ONE);
                tally[1] = tally[1].add(RollupDocuments.decimal(ledger, "otherCurrencyRevenue"));
            }
        }
        Document othersDocument = new Document();
        others.forEach((code, t) -> othersDocument.append(code, new Document("orders", RollupDocuments.text(t[0]))
                .append("revenue", RollupDocuments.text(t[1]))));
        for (AttributionModel model : AttributionModel.values()) {
            Map<Touch, Measures> cells = new LinkedHashMap<>();
            for (Document ledger : ledgersOfDay) {
                RollupDocuments.cellsOf(ledger.get("models", Document.class), model.wireName())
                        .forEach((touch, m) -> cells.computeIfAbsent(touch, t -> new Measures()).add(m));
            }
            summed.put(model, new Document("_id", dayId(model, day)).append("model", model.wireName())
                    .append("day", day.toString()).append("cells", RollupDocuments.cells(cells))
                    .append("once", RollupDocuments.measures(once)).append("others", othersDocument));
        }
        return summed;
    }

    static BatchedCollection ledgersIn(DocumentBatch batch) {
        return batch.collection(LEDGERS);
    }

    static BatchedCollection daysIn(DocumentBatch batch) {
        return batch.collection(DAYS);
    }

    void clear() {
        ledgers.deleteMany(empty());
        days.deleteMany(empty());
    }
}
