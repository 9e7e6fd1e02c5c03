package io.tributary.query.quality;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.query.support.MergeMap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.pullByFilter;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * {@code quality_facts}: one document per received record; {@code quality_sources}: name, type and last record of
 * each source; {@code quality_profiles}: per profile, the start times of its browser sessions and its still
 * unstitched server events (for delayed stitching); {@code quality_merges}: the projection's own merge map.
 */
final class DataQualityRepository {

    private static final String DELAYED = "delayedStitched";

    private final MongoCollection<Document> facts;
    private final MongoCollection<Document> sources;
    private final MongoCollection<Document> profiles;
    private final MergeMap merges;

    DataQualityRepository(MongoDatabase database) {
        this.facts = database.getCollection("quality_facts");
        this.sources = database.getCollection("quality_sources");
        this.profiles = database.getCollection("quality_profiles");
        this.merges = new MergeMap(database, "quality_merges");
        facts.createIndex(Indexes.ascending("at"));
        facts.createIndex(Indexes.compoundIndex(Indexes.ascending("sourceId"), Indexes.descending("receivedAt")));
    }

    /** Idempotent; keeps a delayed-stitch mark made since. @return true when the record is new */
    boolean save(QualityFact fact) {
        Document fields = toDocument(fact);
        fields.remove("_id");
        fields.remove(DELAYED);
        List<Bson> updates = new ArrayList<>();
        fields.forEach((name, value) -> updates.add(set(name, value)));
        updates.add(setOnInsert(DELAYED, false));
        return facts.updateOne(eq("_id", fact.recordId()), combine(updates), new UpdateOptions().upsert(true))
                .getUpsertedId() != null;
    }

    void sourceCreated(String sourceId, String name, String type) {
        sources.updateOne(eq("_id", sourceId), combine(set("name", name), set("type", type)), new UpdateOptions().upsert(true));
    }

    void sourceRenamed(String sourceId, String name) {
        sources.updateOne(eq("_id", sourceId), set("name", name), new UpdateOptions().upsert(true));
    }

    void sourceSeen(String sourceId, Instant receivedAt) {
        sources.updateOne(eq("_id", sourceId), max("lastSeen", toDate(receivedAt)), new UpdateOptions().upsert(true));
    }

    String sourceType(String sourceId) {
        Document source = sources.find(eq("_id", sourceId)).first();
        return source == null ? null : source.getString("type");
    }

    String currentProfileOf(String profileId) {
        return merges.resolve(profileId);
    }

    void recordMerge(String mergedProfileId, String survivorProfileId) {
        merges.record(mergedProfileId, survivorProfileId);
    }

    void addSession(String profileId, Instant startedAt) {
        profiles.updateOne(eq("_id", profileId), addToSet("sessions", toDate(startedAt)), new UpdateOptions().upsert(true));
    }

    void addUnstitched(String profileId, String recordId, Instant at) {
        profiles.updateOne(eq("_id", profileId), addToSet("unstitched", new Document("r", recordId).append("at", toDate(at))),
                new UpdateOptions().upsert(true));
    }

    /** Moves the sessions and unstitched events of a merged-away profile to its survivor. */
    void absorb(String survivorProfileId, String mergedProfileId) {
        Document merged = profiles.find(eq("_id", mergedProfileId)).first();
        if (merged == null || survivorProfileId.equals(mergedProfileId)) {
            return;
        }
        profiles.updateOne(eq("_id", survivorProfileId), combine(
                addEachToSet("sessions", merged.getList("sessions", Date.class, List.of())),
                addEachToSet("unstitched", merged.getList("unstitched", Document.class, List.of()))),
                new UpdateOptions().upsert(true));
        profiles.deleteOne(eq("_id", mergedProfileId));
    }

    /** Marks the unstitched server events of the profile that a session now stitches (started at or before, within the window). */
    void stitchLate(String profileId, Duration window) {
        Document profile = profiles.find(eq("_id", profileId)).first();
        if (profile == null) {
            return;
        }
        List<Instant> sessions = profile.getList("sessions", Date.class, List.of()).stream().map(Date::toInstant).toList();
        List<String> stitched = new ArrayList<>();
        for (Document event : profile.getList("unstitched", Document.class, List.of())) {
            Instant at = event.getDate("at").toInstant();
            if (sessions.stream().anyMatch(start -> !start.isAfter(at) && !start.isBefore(at.minus(window)))) {
                stitched.add(event.getString("r"));
            }
        }
        if (!stitched.isEmpty()) {
            facts.updateMany(in("_id", stitched), set(DELAYED, true));
            profiles.updateOne(eq("_id", profileId), pullByFilter(new Document("unstitched", new Document("r", new Document("$in", stitched)))));
        }
    }

    void factsBetween(Instant from, Instant to, Consumer<QualityFact> consumer) {
        facts.find(and(gte("at", toDate(from)), lt("at", toDate(to)))).batchSize(1000)
                .forEach(document -> consumer.accept(toFact(document)));
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

    void clear() {
        facts.deleteMany(empty());
        sources.deleteMany(empty());
        profiles.deleteMany(empty());
        merges.clear();
    }

    private static Document toDocument(QualityFact fact) {
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

    private static QualityFact toFact(Document d) {
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
