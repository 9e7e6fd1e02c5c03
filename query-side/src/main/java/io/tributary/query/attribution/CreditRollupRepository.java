package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.report.AttributionModel;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

/**
 * The credit roll-ups (conversion_time mode), read and written by {@code _id} only:
 * <ul>
 * <li>{@code rollup_credit_ledgers}: per conversion ({@code _id} = record id) what it adds: its UTC day, per model
 * its credit per touch, and itself counted once;</li>
 * <li>{@code rollup_credit_days}: per model and UTC day ({@code _id} = {@code model|yyyy-MM-dd}) the sum of the
 * ledgers of the day's conversions ({@link CreditDay}), with the number of the last batch that moved it
 * ({@code b});</li>
 * <li>{@code rollup_credit_batches}: the last batch opened, with the ledgers it changes, and the last one closed.</li>
 * </ul>
 */
final class CreditRollupRepository {

    static final String LEDGERS = "rollup_credit_ledgers";
    static final String DAYS = "rollup_credit_days";
    static final String BATCHES = "rollup_credit_batches";
    private static final String OPEN = "open";
    private static final String CLOSED = "closed";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> ledgers;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> batches;

    CreditRollupRepository(MongoDatabase database) {
        ledgers = database.getCollection(LEDGERS);
        days = database.getCollection(DAYS);
        batches = database.getCollection(BATCHES);
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
        ByIds.find(days, Arrays.stream(AttributionModel.values()).map(m -> dayId(m, date)).toList(),
                d -> found.put(AttributionModel.fromWire(d.getString("model")), d));
        return found;
    }

    /** The last batch opened ({@code number} and its {@code changes}; null when none was) and the last closed. */
    record Batches(Document open, long lastClosed) {
    }

    /** Both markers, in one read. */
    Batches batches() {
        Map<String, Document> found = new HashMap<>();
        ByIds.find(batches, List.of(OPEN, CLOSED), d -> found.put(d.getString("_id"), d));
        Document closed = found.get(CLOSED);
        return new Batches(found.get(OPEN), closed == null ? 0 : ((Number) closed.get("number")).longValue());
    }

    void open(long number, List<Document> changes) {
        batches.replaceOne(eq("_id", OPEN), new Document("_id", OPEN).append("number", number)
                .append("changes", changes), UPSERT);
    }

    void close(long number) {
        batches.replaceOne(eq("_id", CLOSED), new Document("_id", CLOSED).append("number", number), UPSERT);
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
        batches.deleteMany(empty());
    }
}
