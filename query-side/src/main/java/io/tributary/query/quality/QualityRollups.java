package io.tributary.query.quality;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * {@code quality_hours}: one {@link HourRollup} per UTC hour, source and event name, moved by the difference each time
 * a fact is saved or changed, read by hour range (an ordered index on {@code hour}) for whole hours of a report.
 */
final class QualityRollups {

    static final String HOURS = "quality_hours";
    /** Warnings in a fixed order, so that the same counts make the same document however they were reached. */
    private static final Comparator<Map.Entry<HourRollup.WarningKey, HourRollup.Counted>> BY_WARNING_KEY =
            Comparator.comparing((Map.Entry<HourRollup.WarningKey, HourRollup.Counted> e) ->
                    Objects.toString(e.getKey().property(), "")).thenComparing(e -> e.getKey().kind());

    private final MongoCollection<Document> hours;

    QualityRollups(MongoDatabase database) {
        this.hours = database.getCollection(HOURS);
        hours.createIndex(Indexes.ascending("hour"));
    }

    void load(DocumentBatch batch, Collection<String> ids) {
        batch.collection(HOURS).load(ids);
    }

    /** Moves the roll-ups from a fact as it was counted (null: not yet) to the fact as it is now. */
    void moved(DocumentBatch batch, QualityFact before, QualityFact after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            change(batch, before, -1);
        }
        if (after != null) {
            change(batch, after, 1);
        }
    }

    private void change(DocumentBatch batch, QualityFact fact, int sign) {
        if (fact.at() == null) {
            return;
        }
        BatchedCollection collection = batch.collection(HOURS);
        String id = HourRollup.idOf(fact);
        Document stored = collection.find(id);
        HourRollup rollup = stored == null ? HourRollup.of(fact) : fromDocument(stored);
        rollup.apply(fact, sign);
        if (rollup.isEmpty()) {
            collection.delete(id);
        } else {
            collection.replace(toDocument(id, rollup));
        }
    }

    /** The roll-ups of the whole hours in [from, to). */
    void between(Instant from, Instant to, Consumer<HourRollup> consumer) {
        hours.find(and(gte("hour", toDate(from)), lt("hour", toDate(to)))).batchSize(1000)
                .forEach(document -> consumer.accept(fromDocument(document)));
    }

    void clear() {
        hours.deleteMany(empty());
    }

    static Document toDocument(String id, HourRollup rollup) {
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
                .append("hour", toDate(rollup.hour))
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

    static HourRollup fromDocument(Document d) {
        HourRollup rollup = new HourRollup(toInstant(d.getDate("hour")), d.getString("sourceId"), d.getString("eventName"));
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
                new HourRollup.WarningKey(w.getString("p"), WarningKind.valueOf(w.getString("k"))),
                counted(w, w.getString("d"))));
        d.getList("types", Document.class, List.of()).forEach(t -> rollup.types
                .computeIfAbsent(t.getString("p"), p -> new TreeMap<>()).put(t.getString("t"), counted(t, null)));
        return rollup;
    }

    private static HourRollup.Counted counted(Document d, String detail) {
        HourRollup.Counted counted = new HourRollup.Counted();
        counted.count = number(d.get("n"));
        counted.detail = detail;
        counted.example = example(d.get("x", Document.class));
        return counted;
    }

    private static Document example(HourRollup.Example example) {
        return example == null ? null : new Document("e", example.eventId()).append("r", example.recordId())
                .append("at", toDate(example.at()));
    }

    private static HourRollup.Example example(Document d) {
        return d == null ? null : new HourRollup.Example(d.getString("e"), d.getString("r"), toInstant(d.getDate("at")));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
