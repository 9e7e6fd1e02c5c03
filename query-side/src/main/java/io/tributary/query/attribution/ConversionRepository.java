package io.tributary.query.attribution;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import io.tributary.query.support.MongoValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static io.tributary.query.support.DocumentUpdates.addToSet;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The conversions read model. Every report read is by {@code _id} (an index on any MongoDB, the embedded one too):
 * <ul>
 * <li>{@code attribution_conversions}: one document per conversion ({@code _id} = record id);</li>
 * <li>{@code attribution_conversion_days}: per UTC day ({@code _id} = yyyy-MM-dd), the ids of its conversions;</li>
 * <li>{@code attribution_paths}: per surviving profile, its sessions (the touchpoint candidates), newest
 * {@value #SESSIONS_KEPT} kept; a merge moves the merged profile's sessions to the survivor;</li>
 * <li>{@code attribution_adjustments}: per referenced order id, its cancellations and refunds;</li>
 * <li>{@code attribution_merges}: the projection's own merge map, so conversions resolve to their survivor.</li>
 * </ul>
 * Event handlers change them through the {@link DocumentBatch} of their processor batch, by {@code _id} only.
 */
final class ConversionRepository {

    static final int SESSIONS_KEPT = 1000;
    static final String PREFIX = "attribution";
    private static final String SESSIONS = "sessions";
    private static final String CONVERSION_IDS = "conversionIds";
    private static final String ENTRIES = "entries";
    /** As {@code $push} with {@code $sort: {at: 1}} and {@code $slice: -SESSIONS_KEPT} (a stable sort, nulls first). */
    private static final Comparator<Document> BY_START = Comparator.comparing(d -> d.getDate("at"),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final MongoCollection<Document> conversions;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> paths;
    private final MongoCollection<Document> adjustments;
    private final MergeMap merges;
    private final String conversionsName;
    private final String daysName;
    private final String pathsName;
    private final String adjustmentsName;

    ConversionRepository(MongoDatabase database) {
        this(database, PREFIX);
    }

    /** @param prefix the collections' name prefix: another read model keeps its own copy under its own prefix */
    ConversionRepository(MongoDatabase database, String prefix) {
        conversionsName = prefix + "_conversions";
        daysName = prefix + "_conversion_days";
        pathsName = prefix + "_paths";
        adjustmentsName = prefix + "_adjustments";
        conversions = database.getCollection(conversionsName);
        days = database.getCollection(daysName);
        paths = database.getCollection(pathsName);
        adjustments = database.getCollection(adjustmentsName);
        merges = new MergeMap(database, prefix + "_merges");
        conversions.createIndex(Indexes.ascending("eventId"));
    }

    /**
     * Reads what the batch's events will change: the days of its conversions, the paths of its profiles (as they
     * resolve before the batch, and the merged profiles themselves), and the adjustments of its order references.
     */
    void load(DocumentBatch batch, Collection<Instant> convertedAt, Collection<String> profileIds,
              Collection<String> orderRefs) {
        batch.collection(daysName).load(convertedAt.stream().filter(Objects::nonNull).map(at -> dayOf(at).toString())
                .distinct().toList());
        merges.load(batch, profileIds);
        Set<String> resolved = new LinkedHashSet<>();
        profileIds.stream().filter(Objects::nonNull).forEach(id -> {
            resolved.add(id);
            resolved.add(merges.resolve(batch, id));
        });
        batch.collection(pathsName).load(resolved);
        batch.collection(adjustmentsName).load(orderRefs);
    }

    /**
     * Stores the conversion, files it under its day, and notes its id on its surviving profile's path and on the
     * adjustments of its references, so that a later session, merge, cancellation or refund finds it.
     */
    void saveConversion(DocumentBatch batch, StoredConversion c) {
        batch.collection(conversionsName).replace(toDocument(c));
        addToSet(batch.collection(daysName).upsert(dayOf(c.convertedAt()).toString()), "ids", List.of(c.recordId()));
        if (c.profileId() != null) {
            addToSet(batch.collection(pathsName).upsert(merges.resolve(batch, c.profileId())), CONVERSION_IDS,
                    List.of(c.recordId()));
        }
        c.refs().forEach(ref -> addToSet(batch.collection(adjustmentsName).upsert(ref), CONVERSION_IDS,
                List.of(c.recordId())));
    }

    void addSession(DocumentBatch batch, String profileId, Touchpoint session) {
        ArrayUpserts.addOnce(batch.collection(pathsName), merges.resolve(batch, profileId), SESSIONS, toDocument(session),
                BY_START, SESSIONS_KEPT);
    }

    void saveAdjustment(DocumentBatch batch, String orderRef, Adjustment adjustment) {
        Document entry = new Document("id", adjustment.recordId()).append("kind", adjustment.kind().name())
                .append("amount", MongoValues.toBson(adjustment.amount()));
        ArrayUpserts.addOnce(batch.collection(adjustmentsName), orderRef, ENTRIES, entry, null, Integer.MAX_VALUE);
    }

    /** The session's touch in its profile's path (the survivor's, once merged) becomes {@code touch}. */
    void reclassifySession(DocumentBatch batch, String profileId, String sessionId, Touch touch) {
        String owner = merges.resolve(batch, profileId);
        Document path = batch.collection(pathsName).find(owner);
        if (path == null) {
            return;
        }
        List<Document> sessions = new ArrayList<>(path.getList(SESSIONS, Document.class, List.of()));
        for (int i = 0; i < sessions.size(); i++) {
            Document session = sessions.get(i);
            if (sessionId.equals(session.getString("id"))) {
                sessions.set(i, TouchDocuments.toDocument(touch).append("id", sessionId).append("at", session.get("at")));
            }
        }
        batch.collection(pathsName).upsert(owner).put(SESSIONS, sessions);
    }

    /** Records the merge, then moves what the merged profile's path holds to the profile the survivor resolves to. */
    void merge(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        merges.record(batch, mergedProfileId, survivorProfileId);
        String target = merges.resolve(batch, survivorProfileId);
        BatchedCollection paths = batch.collection(pathsName);
        Document merged = paths.find(mergedProfileId);
        if (merged == null || target.equals(mergedProfileId)) {
            return;
        }
        merged.getList(SESSIONS, Document.class, List.of())
                .forEach(session -> ArrayUpserts.addOnce(paths, target, SESSIONS, session, BY_START, SESSIONS_KEPT));
        List<String> moved = merged.getList(CONVERSION_IDS, String.class, List.of());
        if (!moved.isEmpty()) {
            addToSet(paths.upsert(target), CONVERSION_IDS, moved);
        }
        paths.delete(mergedProfileId);
    }

    /**
     * Undoes a merge: the split profile resolves to itself again, its conversions recorded on the survivor since
     * are its own, and the touchpoints of its sessions leave the survivor's path for its own.
     */
    void split(DocumentBatch batch, String survivorProfileId, String splitProfileId, List<String> sessionIds,
               List<String> recordIds) {
        String from = merges.resolve(batch, survivorProfileId);
        merges.forget(batch, splitProfileId);
        BatchedCollection conversionDocs = batch.collection(conversionsName);
        conversionDocs.load(recordIds);
        recordIds.forEach(recordId -> {
            Document conversion = conversionDocs.update(recordId);
            if (conversion != null) {
                conversion.put("profileId", splitProfileId);
            }
        });
        BatchedCollection paths = batch.collection(pathsName);
        Document path = paths.find(from);
        if (path == null || sessionIds.isEmpty()) {
            return;
        }
        List<Document> kept = new ArrayList<>();
        for (Document session : path.getList(SESSIONS, Document.class, List.of())) {
            if (sessionIds.contains(session.getString("id"))) {
                ArrayUpserts.addOnce(paths, splitProfileId, SESSIONS, session, BY_START, SESSIONS_KEPT);
            } else {
                kept.add(session);
            }
        }
        paths.upsert(from).put(SESSIONS, kept);
    }

    List<StoredConversion> convertedOn(Collection<LocalDate> dates) {
        Set<String> ids = new LinkedHashSet<>();
        ByIds.find(days, dates.stream().map(LocalDate::toString).toList(),
                day -> ids.addAll(day.getList("ids", String.class, List.of())));
        List<StoredConversion> found = new ArrayList<>();
        ByIds.find(conversions, ids, d -> found.add(conversionOf(d)));
        return found;
    }

    List<StoredConversion> withIds(Collection<String> recordIds) {
        List<StoredConversion> found = new ArrayList<>();
        ByIds.find(conversions, recordIds, d -> found.add(conversionOf(d)));
        return found;
    }

    /** The ids of the conversions of each of these surviving profiles. */
    Map<String, List<String>> conversionIdsByProfile(Collection<String> survivors) {
        return conversionIds(paths, survivors);
    }

    /** The ids of the conversions each of these order references refers to. */
    Map<String, List<String>> conversionIdsByOrder(Collection<String> orderRefs) {
        return conversionIds(adjustments, orderRefs);
    }

    private static Map<String, List<String>> conversionIds(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, List<String>> found = new HashMap<>();
        ByIds.find(collection, ids, d -> found.put(d.getString("_id"), d.getList(CONVERSION_IDS, String.class, List.of())));
        return found;
    }

    /** The ids of the conversions recorded on this UTC day. */
    List<String> idsConvertedOn(LocalDate date) {
        List<String> ids = new ArrayList<>();
        ByIds.find(days, List.of(date.toString()), d -> ids.addAll(d.getList("ids", String.class, List.of())));
        return ids;
    }

    List<StoredConversion> withEventId(String eventId) {
        List<StoredConversion> found = new ArrayList<>();
        conversions.find(eq("eventId", eventId)).forEach(d -> found.add(conversionOf(d)));
        return found;
    }

    /** The profile each of these finally resolves to after all merges. */
    Map<String, String> survivorsOf(Collection<String> profileIds) {
        return merges.resolveAll(profileIds);
    }

    /** The sessions of each surviving profile asked for (absent when it has none). */
    Map<String, List<Touchpoint>> sessionsOf(Collection<String> survivors) {
        Map<String, List<Touchpoint>> found = new HashMap<>();
        ByIds.find(paths, survivors, d -> found.put(d.getString("_id"),
                distinct(d.getList("sessions", Document.class, List.of()))));
        return found;
    }

    /** The adjustments filed under each of these order references. */
    Map<String, List<Adjustment>> adjustmentsFor(Collection<String> refs) {
        Map<String, List<Adjustment>> found = new HashMap<>();
        ByIds.find(adjustments, refs, d -> found.put(d.getString("_id"),
                d.getList("entries", Document.class, List.of()).stream()
                        .map(e -> new Adjustment(e.getString("id"), Adjustment.Kind.valueOf(e.getString("kind")),
                                decimal(e.get("amount")))).toList()));
        return found;
    }

    private static List<Touchpoint> distinct(List<Document> sessions) {
        Map<String, Touchpoint> byId = new LinkedHashMap<>();
        sessions.forEach(s -> byId.putIfAbsent(s.getString("id"), touchpointOf(s)));
        return List.copyOf(byId.values());
    }

    void clear() {
        conversions.deleteMany(empty());
        days.deleteMany(empty());
        paths.deleteMany(empty());
        adjustments.deleteMany(empty());
        merges.clear();
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Document toDocument(StoredConversion c) {
        return new Document("_id", c.recordId()).append("eventId", c.eventId()).append("eventName", c.eventName())
                .append("profileId", c.profileId()).append("at", toDate(c.convertedAt()))
                .append("revenue", MongoValues.toBson(c.revenue()))
                .append("currency", c.currency()).append("newCustomer", c.newCustomer())
                .append("sessionId", c.sessionId()).append("refs", c.refs())
                .append("meta", c.ownMetadata() == null ? null : TouchDocuments.toDocument(c.ownMetadata()));
    }

    private static StoredConversion conversionOf(Document d) {
        Document meta = d.get("meta", Document.class);
        return new StoredConversion(d.getString("_id"), d.getString("eventId"), d.getString("eventName"),
                d.getString("profileId"), toInstant(d.getDate("at")), decimal(d.get("revenue")), d.getString("currency"),
                Boolean.TRUE.equals(d.getBoolean("newCustomer")), d.getString("sessionId"),
                d.getList("refs", String.class, List.of()), meta == null ? null : TouchDocuments.touchOf(meta));
    }

    private static Document toDocument(Touchpoint t) {
        return TouchDocuments.toDocument(t.touch()).append("id", t.sessionId()).append("at", toDate(t.startedAt()));
    }

    private static Touchpoint touchpointOf(Document d) {
        return new Touchpoint(d.getString("id"), toInstant(d.getDate("at")), TouchDocuments.touchOf(d));
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : null;
    }
}
