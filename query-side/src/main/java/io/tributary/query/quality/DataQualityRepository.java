package io.tributary.query.quality;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static io.tributary.query.support.DocumentUpdates.addToSet;
import static io.tributary.query.support.DocumentUpdates.max;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * {@code quality_facts}: one document per received record; {@code quality_sources}: name, type and last record of
 * each source; {@code quality_profiles}: per profile, the start times of its browser sessions and its still
 * unstitched server events (for delayed stitching); {@code quality_merges}: the projection's own merge map.
 * Event handlers change them through the {@link DocumentBatch} of their processor batch, by {@code _id} only.
 */
final class DataQualityRepository {

    private static final String DELAYED = "delayedStitched";
    private static final String FACTS = "quality_facts";
    private static final String SOURCES = "quality_sources";
    private static final String PROFILES = "quality_profiles";
    private static final String EXAMPLES = "quality_examples";
    private static final String SESSIONS = "sessions";
    private static final String UNSTITCHED = "unstitched";

    private final MongoCollection<Document> facts;
    private final MongoCollection<Document> sources;
    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> examples;
    private final MergeMap merges;
    private final QualityRollups rollups;

    DataQualityRepository(MongoDatabase database) {
        this.facts = database.getCollection(FACTS);
        this.sources = database.getCollection(SOURCES);
        this.profiles = database.getCollection(PROFILES);
        this.examples = database.getCollection(EXAMPLES);
        this.merges = new MergeMap(database, "quality_merges");
        this.rollups = new QualityRollups(database, FACTS);
        facts.createIndex(Indexes.ascending("at"));
        facts.createIndex(Indexes.compoundIndex(Indexes.ascending("sourceId"), Indexes.descending("receivedAt")));
    }

    /**
     * Reads what the batch's events will change: their sources, merge chains and profiles, then their facts together
     * with the facts still unstitched on those profiles (which a session or merge of the batch may stitch), and the
     * roll-ups of all those facts and of the batch's new records ({@code rollupKeys}).
     */
    void load(DocumentBatch batch, Collection<String> recordIds, Collection<String> sourceIds,
              Collection<String> profileIds, Collection<String> exampleIds, Collection<QualityRollups.Key> rollupKeys) {
        rollups.begin(batch);
        batch.collection(SOURCES).load(sourceIds);
        batch.collection(EXAMPLES).load(exampleIds);
        merges.load(batch, profileIds);
        Set<String> resolved = new LinkedHashSet<>();
        profileIds.stream().filter(Objects::nonNull).forEach(id -> {
            resolved.add(id);
            resolved.add(merges.resolve(batch, id));
        });
        BatchedCollection profiles = batch.collection(PROFILES);
        profiles.load(resolved);
        Set<String> facts = new LinkedHashSet<>(recordIds);
        resolved.stream().map(profiles::find).filter(Objects::nonNull).forEach(profile -> profile
                .getList(UNSTITCHED, Document.class, List.of()).forEach(event -> facts.add(event.getString("r"))));
        BatchedCollection loaded = batch.collection(FACTS);
        loaded.load(facts);
        List<QualityRollups.Key> keys = new ArrayList<>(rollupKeys);
        facts.stream().map(loaded::find).filter(Objects::nonNull).filter(fact -> fact.getDate("at") != null)
                .forEach(fact -> keys.add(new QualityRollups.Key(fact.getDate("at").toInstant(),
                        fact.getString("sourceId"), fact.getString("eventName"))));
        rollups.load(batch, keys);
    }

    /**
     * Idempotent; keeps a delayed-stitch mark made since, and moves the hour roll-ups by what changed.
     * @return true when the record is new
     */
    boolean save(DocumentBatch batch, QualityFact fact) {
        BatchedCollection facts = batch.collection(FACTS);
        Document existing = facts.find(fact.recordId());
        QualityFact before = existing == null ? null : toFact(existing);
        Document document = facts.upsert(fact.recordId(), inserted -> inserted.put(DELAYED, false));
        toDocument(fact).forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals(DELAYED)) {
                document.put(name, value);
            }
        });
        rollups.moved(batch, before, document);
        return existing == null;
    }

    void sourceCreated(DocumentBatch batch, String sourceId, String name, String type) {
        Document source = batch.collection(SOURCES).upsert(sourceId);
        source.put("name", name);
        source.put("type", type);
    }

    void sourceRenamed(DocumentBatch batch, String sourceId, String name) {
        batch.collection(SOURCES).upsert(sourceId).put("name", name);
    }

    void sourceSeen(DocumentBatch batch, String sourceId, Instant receivedAt) {
        max(batch.collection(SOURCES).upsert(sourceId), "lastSeen", toDate(receivedAt));
    }

    String sourceType(DocumentBatch batch, String sourceId) {
        Document source = batch.collection(SOURCES).find(sourceId);
        return source == null ? null : source.getString("type");
    }

    String currentProfileOf(DocumentBatch batch, String profileId) {
        return merges.resolve(batch, profileId);
    }

    void forgetMerge(DocumentBatch batch, String splitProfileId) {
        merges.forget(batch, splitProfileId);
    }

    void recordMerge(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        merges.record(batch, mergedProfileId, survivorProfileId);
    }

    void addSession(DocumentBatch batch, String profileId, Instant startedAt) {
        addToSet(batch.collection(PROFILES).upsert(profileId), SESSIONS, List.of(toDate(startedAt)));
    }

    void addUnstitched(DocumentBatch batch, String profileId, String recordId, Instant at) {
        addToSet(batch.collection(PROFILES).upsert(profileId), UNSTITCHED,
                List.of(new Document("r", recordId).append("at", toDate(at))));
    }

    /** Moves the sessions and unstitched events of a merged-away profile to its survivor. */
    void absorb(DocumentBatch batch, String survivorProfileId, String mergedProfileId) {
        BatchedCollection profiles = batch.collection(PROFILES);
        Document merged = profiles.find(mergedProfileId);
        if (merged == null || survivorProfileId.equals(mergedProfileId)) {
            return;
        }
        Document survivor = profiles.upsert(survivorProfileId);
        addToSet(survivor, SESSIONS, merged.getList(SESSIONS, Date.class, List.of()));
        addToSet(survivor, UNSTITCHED, merged.getList(UNSTITCHED, Document.class, List.of()));
        profiles.delete(mergedProfileId);
    }

    /** Marks the unstitched server events of the profile that a session now stitches (started at or before, within the window). */
    void stitchLate(DocumentBatch batch, String profileId, Duration window) {
        BatchedCollection profiles = batch.collection(PROFILES);
        Document profile = profiles.find(profileId);
        if (profile == null) {
            return;
        }
        List<Instant> sessions = profile.getList(SESSIONS, Date.class, List.of()).stream().map(Date::toInstant).toList();
        Set<String> stitched = new LinkedHashSet<>();
        for (Document event : profile.getList(UNSTITCHED, Document.class, List.of())) {
            Instant at = event.getDate("at").toInstant();
            if (sessions.stream().anyMatch(start -> !start.isAfter(at) && !start.isBefore(at.minus(window)))) {
                stitched.add(event.getString("r"));
            }
        }
        if (!stitched.isEmpty()) {
            BatchedCollection facts = batch.collection(FACTS);
            facts.load(stitched);
            stitched.forEach(recordId -> {
                Document fact = facts.update(recordId);
                if (fact != null) {
                    QualityFact before = toFact(fact);
                    fact.put(DELAYED, true);
                    rollups.moved(batch, before, fact);
                }
            });
            Document changed = profiles.update(profileId);
            changed.put(UNSTITCHED, new ArrayList<>(changed.getList(UNSTITCHED, Document.class).stream()
                    .filter(event -> !stitched.contains(event.getString("r"))).toList()));
        }
    }

    void factsBetween(Instant from, Instant to, Consumer<QualityFact> consumer) {
        facts.find(and(gte("at", toDate(from)), lt("at", toDate(to)))).batchSize(1000)
                .forEach(document -> consumer.accept(toFact(document)));
    }

    /**
     * The part of the hour starting at {@code hour} that lies in [from, to): its hour roll-ups when all of its facts
     * lie there (an edge at "now", past the hour's latest record), else its facts in [from, to) one by one.
     */
    void edgeHour(Instant hour, Instant from, Instant to, Consumer<PeriodRollup> rollupConsumer,
                  Consumer<QualityFact> factConsumer) {
        if (!from.isBefore(to)) {
            return;
        }
        if (!rollups.hourWithin(hour, from, to, rollupConsumer)) {
            factsBetween(from, to, factConsumer);
        }
    }

    /** The roll-ups of one grain whose periods start in [from, to). */
    void rollupsBetween(RollupGrain grain, Instant from, Instant to, Consumer<PeriodRollup> consumer) {
        rollups.between(grain, from, to, consumer);
    }

    /** Every known source, with its last record up to {@code asOf}. */
    List<QualityReport.SourceInfo> sources(Instant asOf) {
        List<QualityReport.SourceInfo> infos = new ArrayList<>();
        for (Document source : sources.find()) {
            String id = source.getString("_id");
            Instant lastSeen = toInstant(source.getDate("lastSeen"));
            if (lastSeen != null && lastSeen.isAfter(asOf)) {
                Document before = facts.find(and(eq("sourceId", id), lt("receivedAt", toDate(asOf))))
                        .sort(Sorts.descending("receivedAt")).limit(1).first();
                lastSeen = before == null ? null : toInstant(before.getDate("receivedAt"));
            }
            infos.add(new QualityReport.SourceInfo(id, source.getString("name"), source.getString("type"), lastSeen));
        }
        return infos;
    }

    static String exampleId(String eventName, String sourceId) {
        return sourceId + "\n" + Objects.toString(eventName, "");
    }

    /** Adds one accepted event's shown values to the bounded examples of its event name and source. */
    void addExamples(DocumentBatch batch, String eventName, String sourceId, Map<String, String> shown) {
        Document document = batch.collection(EXAMPLES).upsert(exampleId(eventName, sourceId));
        Map<String, List<String>> kept = examplesOf(document);
        PropertyExamples.merge(kept, shown);
        List<Document> list = new ArrayList<>();
        kept.forEach((path, values) -> list.add(new Document("p", path).append("v", values)));
        document.put("eventName", eventName);
        document.put("sourceId", sourceId);
        document.put("examples", list);
    }

    /** The kept examples per property, by {@link #exampleId}. */
    Map<String, Map<String, List<String>>> examples(Collection<String> ids) {
        Map<String, Map<String, List<String>>> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            examples.find(in("_id", ids)).forEach(document -> found.put(document.getString("_id"), examplesOf(document)));
        }
        return found;
    }

    private static Map<String, List<String>> examplesOf(Document document) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        document.getList("examples", Document.class, List.of()).forEach(entry ->
                kept.put(entry.getString("p"), new ArrayList<>(entry.getList("v", String.class, List.of()))));
        return kept;
    }

    void clear() {
        examples.deleteMany(empty());
        facts.deleteMany(empty());
        sources.deleteMany(empty());
        profiles.deleteMany(empty());
        merges.clear();
        rollups.clear();
    }

    static Document toDocument(QualityFact fact) {
        List<Document> findings = fact.findings().stream().map(f -> new Document("p", f.property())
                .append("k", f.kind().name()).append("d", f.detail())).toList();
        List<Document> types = new ArrayList<>();
        fact.types().forEach((path, type) -> types.add(new Document("p", path).append("t", type)));
        return new Document("_id", fact.recordId())
                .append("eventId", fact.eventId())
                .append("eventName", fact.eventName())
                .append("sourceId", fact.sourceId())
                .append("sourceType", fact.sourceType())
                .append("status", fact.status())
                .append("at", toDate(fact.at()))
                .append("receivedAt", toDate(fact.receivedAt()))
                .append("stitched", fact.stitched())
                .append(DELAYED, fact.delayedStitched())
                .append("duplicateKind", fact.duplicateKind())
                .append("keptRecordId", fact.keptRecordId())
                .append("findings", findings)
                .append("types", types);
    }

    static QualityFact toFact(Document d) {
        List<Finding> findings = d.getList("findings", Document.class, List.of()).stream()
                .map(f -> new Finding(f.getString("p"), WarningKind.valueOf(f.getString("k")), f.getString("d"))).toList();
        Map<String, String> types = new LinkedHashMap<>();
        d.getList("types", Document.class, List.of()).forEach(t -> types.put(t.getString("p"), t.getString("t")));
        return new QualityFact(d.getString("_id"), d.getString("eventId"), d.getString("eventName"),
                d.getString("sourceId"), d.getString("sourceType"), d.getString("status"), toInstant(d.getDate("at")),
                toInstant(d.getDate("receivedAt")), d.getBoolean("stitched"), Boolean.TRUE.equals(d.getBoolean(DELAYED)),
                d.getString("duplicateKind"), d.getString("keptRecordId"), findings, types);
    }
}
