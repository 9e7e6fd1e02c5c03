package io.tributary.query.quality;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * {@code quality_hours} and {@code quality_days}: one {@link PeriodRollup} per UTC hour, and one per UTC day, source
 * and event name ({@link RollupGrain}), moved by the difference each time a fact is saved or changed, read by range of
 * their start (an ordered index on {@code start}) for the whole days and hours of a report.
 * <p>
 * <b>Exact after a crash, without transactions.</b> A processor batch writes its facts and its roll-ups in separate
 * bulk writes; a crash between them would leave roll-ups that miss the batch (its redelivery finds the facts already
 * changed, so no difference). So each batch is numbered ({@code seq}) and written in this order: the open marker
 * ({@code quality_batch_open}: the batch's number and the facts it changed), the facts (each changed fact keeps the
 * number of the batch that last changed it, {@code b}, and its state before that batch, {@code prev}), the hours, the
 * days (each roll-up with the number of the last batch it took in, {@code b}), then the closed marker
 * ({@code quality_batch_closed}). The next batch starts by comparing the markers: when the last batch did not close,
 * every roll-up that did not take that batch in is moved, for each fact the batch changed, from {@code prev} to the
 * fact's state now, and the batch is closed. Roll-ups that reach zero records are kept (at zero), so that their batch
 * number survives.
 */
final class QualityRollups {

    static final String HOURS = RollupGrain.HOUR.collection;
    static final String DAYS = RollupGrain.DAY.collection;
    static final String OPEN = "quality_batch_open";
    static final String CLOSED = "quality_batch_closed";
    private static final String MARKER = "batch";
    private static final String BATCH = "b";
    private static final String PREVIOUS = "prev";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** Roll-ups kept as last written: a live hour and day per source and event name, and a replay's few days. */
    private static final int KEPT_WRITTEN = 2048;
    /** Warnings in a fixed order, so that the same counts make the same document however they were reached. */
    private static final Comparator<Map.Entry<PeriodRollup.WarningKey, PeriodRollup.Counted>> BY_WARNING_KEY =
            Comparator.comparing((Map.Entry<PeriodRollup.WarningKey, PeriodRollup.Counted> e) ->
                    Objects.toString(e.getKey().property(), "")).thenComparing(e -> e.getKey().kind());

    private final String factsName;
    private final MongoCollection<Document> facts;
    private final Map<RollupGrain, MongoCollection<Document>> rollups = new EnumMap<>(RollupGrain.class);
    private final MongoCollection<Document> open;
    private final MongoCollection<Document> closed;
    /** Each batch in progress (a processor batch, or one event handled alone): its number and the roll-ups it moved. */
    private final Map<DocumentBatch, Pending> pending = Collections.synchronizedMap(new WeakHashMap<>());
    private final WrittenRollups written = new WrittenRollups(KEPT_WRITTEN);

    /** The roll-ups a batch moved, read once and turned into documents once, when the batch is written. */
    private static final class Pending {
        final long number;
        final Map<RollupGrain, Map<String, PeriodRollup>> moved = new EnumMap<>(RollupGrain.class);

        Pending(long number) {
            this.number = number;
        }
    }

    QualityRollups(MongoDatabase database, String factsName) {
        this.factsName = factsName;
        this.facts = database.getCollection(factsName);
        this.open = database.getCollection(OPEN);
        this.closed = database.getCollection(CLOSED);
        for (RollupGrain grain : RollupGrain.values()) {
            rollups.put(grain, database.getCollection(grain.collection));
            rollups.get(grain).createIndex(Indexes.ascending("start"));
        }
    }

    /** Where a fact is counted: its event time, source and event name. */
    record Key(Instant at, String sourceId, String eventName) {
    }

    /**
     * Closes the last batch if it did not, numbers this one, and fixes the order its collections are written in:
     * call it before the batch uses any other collection.
     */
    void begin(DocumentBatch batch) {
        pendingOf(batch);
    }

    /** Reads the roll-ups, of every grain, of the facts at {@code keys}, but those this instance wrote last. */
    void load(DocumentBatch batch, Collection<Key> keys) {
        for (RollupGrain grain : RollupGrain.values()) {
            batch.collection(grain.collection).load(keys.stream().filter(key -> key.at() != null)
                    .map(key -> grain.idOf(key.at(), key.sourceId(), key.eventName())).distinct()
                    .filter(id -> written.get(grain, id) == null).toList());
        }
    }

    /** Moves the roll-ups from a fact as it was counted (null: not yet) to the fact as {@code now} holds it. */
    void moved(DocumentBatch batch, QualityFact before, Document now) {
        QualityFact after = DataQualityRepository.toFact(now);
        if (Objects.equals(before, after)) {
            return;
        }
        Pending moves = pendingOf(batch);
        long number = moves.number;
        if (number(now.get(BATCH)) != number) {
            now.put(PREVIOUS, before == null ? null : DataQualityRepository.toDocument(before));
            now.put(BATCH, number);
            batch.collection(OPEN).upsert(MARKER).getList("records", String.class).add(after.recordId());
        }
        if (before != null) {
            change(batch, before, -1, moves);
        }
        change(batch, after, 1, moves);
    }

    private void change(DocumentBatch batch, QualityFact fact, int sign, Pending moves) {
        if (fact.at() == null) {
            return;
        }
        for (RollupGrain grain : RollupGrain.values()) {
            Map<String, PeriodRollup> moved = moves.moved.computeIfAbsent(grain, g -> new LinkedHashMap<>());
            String id = grain.idOf(fact);
            PeriodRollup rollup = moved.get(id);
            if (rollup == null) {
                Document stored = written.get(grain, id);
                if (stored == null) {
                    stored = batch.collection(grain.collection).find(id);
                }
                rollup = stored == null ? grain.of(fact) : fromDocument(stored);
                moved.put(id, rollup);
            }
            rollup.apply(fact, sign);
        }
    }

    /** Puts the roll-ups the batch moved into it, as documents with the batch's number, and keeps them as written. */
    private void flush(DocumentBatch batch, Pending moves) {
        written.writing(moves.number);
        moves.moved.forEach((grain, rollups) -> {
            BatchedCollection collection = batch.collection(grain.collection);
            rollups.forEach((id, rollup) -> {
                Document document = toDocument(id, rollup).append(BATCH, moves.number);
                collection.replace(document);
                written.put(grain, id, document);
            });
        });
    }

    private Pending pendingOf(DocumentBatch batch) {
        return pending.computeIfAbsent(batch, this::open);
    }

    private Pending open(DocumentBatch batch) {
        long number = closeUnclosed() + 1;
        written.keepIfAsOf(number - 1);
        Document marker = batch.collection(OPEN).upsert(MARKER);
        marker.put("seq", number);
        marker.put("records", new ArrayList<String>());
        batch.collection(factsName);
        for (RollupGrain grain : RollupGrain.values()) {
            batch.collection(grain.collection);
        }
        batch.collection(CLOSED).upsert(MARKER).put("seq", number);
        Pending moves = new Pending(number);
        batch.beforeWrite(() -> flush(batch, moves));
        return moves;
    }

    /** @return the number of the last closed batch, after closing the last one if it did not close */
    private long closeUnclosed() {
        Document opened = open.find(eq("_id", MARKER)).first();
        Document last = closed.find(eq("_id", MARKER)).first();
        long closedNumber = last == null ? 0 : number(last.get("seq"));
        if (opened == null || number(opened.get("seq")) <= closedNumber) {
            return closedNumber;
        }
        long unclosed = number(opened.get("seq"));
        written.forget();
        List<Map.Entry<QualityFact, Integer>> changes = new ArrayList<>();
        List<String> records = opened.getList("records", String.class, List.of());
        for (int from = 0; from < records.size(); from += 100) {
            facts.find(in("_id", records.subList(from, Math.min(records.size(), from + 100)))).forEach(fact -> {
                if (number(fact.get(BATCH)) == unclosed) {
                    Document previous = fact.get(PREVIOUS, Document.class);
                    if (previous != null) {
                        changes.add(Map.entry(DataQualityRepository.toFact(previous), -1));
                    }
                    changes.add(Map.entry(DataQualityRepository.toFact(fact), 1));
                }
            });
        }
        changes.removeIf(change -> change.getKey().at() == null);
        for (RollupGrain grain : RollupGrain.values()) {
            redo(grain, changes, unclosed);
        }
        closed.replaceOne(eq("_id", MARKER), new Document("_id", MARKER).append("seq", unclosed), UPSERT);
        return unclosed;
    }

    /** Applies the unclosed batch's changes to the roll-ups of one grain that did not take that batch in. */
    private void redo(RollupGrain grain, List<Map.Entry<QualityFact, Integer>> changes, long unclosed) {
        Map<String, List<Map.Entry<QualityFact, Integer>>> byId = new LinkedHashMap<>();
        changes.forEach(change -> byId.computeIfAbsent(grain.idOf(change.getKey()), id -> new ArrayList<>()).add(change));
        MongoCollection<Document> collection = rollups.get(grain);
        Map<Object, Document> stored = new LinkedHashMap<>();
        if (!byId.isEmpty()) {
            collection.find(in("_id", new ArrayList<>(byId.keySet()))).forEach(doc -> stored.put(doc.get("_id"), doc));
        }
        byId.forEach((id, facts) -> {
            Document rolled = stored.get(id);
            if (rolled != null && number(rolled.get(BATCH)) >= unclosed) {
                return;
            }
            PeriodRollup rollup = rolled == null ? grain.of(facts.get(0).getKey()) : fromDocument(rolled);
            facts.forEach(change -> rollup.apply(change.getKey(), change.getValue()));
            collection.replaceOne(eq("_id", id), toDocument(id, rollup).append(BATCH, unclosed), UPSERT);
        });
    }

    /** The roll-ups of one grain whose periods start in [from, to) and hold records. */
    void between(RollupGrain grain, Instant from, Instant to, Consumer<PeriodRollup> consumer) {
        if (!from.isBefore(to)) {
            return;
        }
        rollups.get(grain).find(and(gte("start", toDate(from)), lt("start", toDate(to)))).batchSize(1000).forEach(document -> {
            PeriodRollup rollup = fromDocument(document);
            if (!rollup.isEmpty()) {
                consumer.accept(rollup);
            }
        });
    }

    /**
     * The hour roll-ups of the hour starting at {@code hour}, given to {@code consumer} only when every one of them
     * holds just facts of [from, to) (so that together they equal the facts of the edge hour inside the range):
     * true then, false (and nothing given) otherwise.
     */
    boolean hourWithin(Instant hour, Instant from, Instant to, Consumer<PeriodRollup> consumer) {
        List<PeriodRollup> held = new ArrayList<>();
        for (Document document : rollups.get(RollupGrain.HOUR).find(eq("start", toDate(hour)))) {
            PeriodRollup rollup = fromDocument(document);
            if (!rollup.isEmpty()) {
                if (!rollup.heldWithin(from, to)) {
                    return false;
                }
                held.add(rollup);
            }
        }
        held.forEach(consumer);
        return true;
    }

    void clear() {
        written.forget();
        rollups.values().forEach(collection -> collection.deleteMany(empty()));
        open.deleteMany(empty());
        closed.deleteMany(empty());
    }

    static Document toDocument(String id, PeriodRollup rollup) {
        List<Document> hourly = new ArrayList<>();
        rollup.hourly.forEach((hour, records) -> hourly.add(new Document("h", toDate(hour)).append("n", records)));
        List<Document> kept = new ArrayList<>();
        rollup.kept.forEach((recordId, copies) -> kept.add(new Document("k", recordId).append("n", copies)));
        List<Document> warnings = new ArrayList<>();
        rollup.warnings.entrySet().stream().sorted(BY_WARNING_KEY).forEach(entry -> warnings.add(
                new Document("p", entry.getKey().property()).append("k", entry.getKey().kind().name())
                        .append("n", entry.getValue().count).append("d", entry.getValue().detail)
                        .append("x", example(entry.getValue().example))));
        List<Document> types = new ArrayList<>();
        rollup.types.forEach((path, byType) -> byType.forEach((type, counted) -> types.add(new Document("p", path)
                .append("t", type).append("n", counted.count).append("x", example(counted.example)))));
        return new Document("_id", id)
                .append("start", toDate(rollup.start))
                .append("earliest", rollup.earliest == null ? null : toDate(rollup.earliest))
                .append("latest", rollup.latest == null ? null : toDate(rollup.latest))
                .append("hourly", hourly)
                .append("sourceId", rollup.sourceId)
                .append("eventName", rollup.eventName)
                .append("sourceTypes", new Document(new TreeMap<>(rollup.sourceTypes)))
                .append("count", rollup.count)
                .append("accepted", rollup.accepted)
                .append("duplicates", rollup.duplicates)
                .append("rejected", rollup.rejected)
                .append("conflicting", rollup.conflicting)
                .append("serverAccepted", rollup.serverAccepted)
                .append("serverStitched", rollup.serverStitched)
                .append("delayed", rollup.delayed)
                .append("latestUnstitched", example(rollup.latestUnstitched))
                .append("kept", kept)
                .append("warnings", warnings)
                .append("types", types);
    }

    static PeriodRollup fromDocument(Document d) {
        PeriodRollup rollup = new PeriodRollup(toInstant(d.getDate("start")), d.getString("sourceId"), d.getString("eventName"));
        rollup.earliest = d.getDate("earliest") == null ? null : toInstant(d.getDate("earliest"));
        rollup.latest = d.getDate("latest") == null ? null : toInstant(d.getDate("latest"));
        d.getList("hourly", Document.class, List.of()).forEach(h -> rollup.hourly.put(toInstant(h.getDate("h")), number(h.get("n"))));
        d.get("sourceTypes", Document.class).forEach((type, n) -> rollup.sourceTypes.put(type, number(n)));
        rollup.count = number(d.get("count"));
        rollup.accepted = number(d.get("accepted"));
        rollup.duplicates = number(d.get("duplicates"));
        rollup.rejected = number(d.get("rejected"));
        rollup.conflicting = number(d.get("conflicting"));
        rollup.serverAccepted = number(d.get("serverAccepted"));
        rollup.serverStitched = number(d.get("serverStitched"));
        rollup.delayed = number(d.get("delayed"));
        rollup.latestUnstitched = example(d.get("latestUnstitched", Document.class));
        d.getList("kept", Document.class, List.of()).forEach(k -> rollup.kept.put(k.getString("k"), number(k.get("n"))));
        d.getList("warnings", Document.class, List.of()).forEach(w -> rollup.warnings.put(
                new PeriodRollup.WarningKey(w.getString("p"), WarningKind.valueOf(w.getString("k"))),
                counted(w, w.getString("d"))));
        d.getList("types", Document.class, List.of()).forEach(t -> rollup.types
                .computeIfAbsent(t.getString("p"), p -> new TreeMap<>()).put(t.getString("t"), counted(t, null)));
        return rollup;
    }

    private static PeriodRollup.Counted counted(Document d, String detail) {
        PeriodRollup.Counted counted = new PeriodRollup.Counted();
        counted.count = number(d.get("n"));
        counted.detail = detail;
        counted.example = example(d.get("x", Document.class));
        return counted;
    }

    private static Document example(PeriodRollup.Example example) {
        return example == null ? null : new Document("e", example.eventId()).append("r", example.recordId())
                .append("at", toDate(example.at()));
    }

    private static PeriodRollup.Example example(Document d) {
        return d == null ? null : new PeriodRollup.Example(d.getString("e"), d.getString("r"), toInstant(d.getDate("at")));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
