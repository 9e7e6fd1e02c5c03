package io.tributary.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.PropertyValue;
import io.tributary.query.support.AtMostOnce;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.tributary.query.profile.ProfileDocument.ALIASES;
import static io.tributary.query.profile.ProfileDocument.COUNTED_RECORDS;
import static io.tributary.query.profile.ProfileDocument.COUNTED_SESSIONS;
import static io.tributary.query.profile.ProfileDocument.MERGED_INTO;
import static io.tributary.query.profile.ProfileDocument.MERGED_PROFILE_IDS;
import static io.tributary.query.profile.ProfileDocument.PROPERTIES;
import static io.tributary.query.support.DocumentUpdates.add;
import static io.tributary.query.support.DocumentUpdates.addToSet;
import static io.tributary.query.support.DocumentUpdates.child;
import static io.tributary.query.support.DocumentUpdates.increment;
import static io.tributary.query.support.DocumentUpdates.max;
import static io.tributary.query.support.DocumentUpdates.min;
import static io.tributary.query.support.MongoValues.escapeKey;
import static io.tributary.query.support.MongoValues.toDate;

/** The {@code profiles} collection and the {@code profile_aliases} lookup ({@code _id} = alias). */
final class ProfileRepository {

    private static final String PROFILES = "profiles";
    private static final String ALIAS_OWNERS = "profile_aliases";
    /** More record ids than one profile receives in one processor batch: redelivery is at most a batch. */
    private static final AtMostOnce RECORDS = new AtMostOnce(COUNTED_RECORDS, 1000);
    private static final AtMostOnce SESSIONS = new AtMostOnce(COUNTED_SESSIONS, 200);
    private static final int MAX_DEPTH = 64;
    private static final Bson WITHOUT_COUNTED_IDS = Projections.exclude(COUNTED_RECORDS, COUNTED_SESSIONS);

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> aliases;

    ProfileRepository(MongoDatabase database) {
        this.profiles = database.getCollection(PROFILES);
        this.aliases = database.getCollection(ALIAS_OWNERS);
        profiles.createIndex(Indexes.ascending(MERGED_INTO));
        aliases.createIndex(Indexes.ascending("profileId"));
    }

    /** Reads the profiles the batch's events will change, and the profiles they were merged into. */
    void load(DocumentBatch batch, Collection<String> profileIds) {
        batch.collection(PROFILES).load(profileIds, profile -> profile.getString(MERGED_INTO));
    }

    void create(DocumentBatch batch, String profileId, Instant at) {
        Document profile = profiles(batch).upsert(profileId, inserted -> inserted.put(ALIASES, new ArrayList<>()));
        if (at != null) {
            min(profile, "firstSeen", toDate(at));
            max(profile, "lastSeen", toDate(at));
        }
    }

    /** Creates the profile if need be, with these aliases added. */
    void addAliases(DocumentBatch batch, String profileId, Collection<String> newAliases) {
        List<String> added = newAliases == null ? List.of() : List.copyOf(newAliases);
        addToSet(profiles(batch).upsert(profileId), ALIASES, added);
        if (added.isEmpty()) {
            return;
        }
        String owner = resolve(batch, profileId);
        BatchedCollection owners = batch.collection(ALIAS_OWNERS);
        added.forEach(alias -> owners.replace(new Document("_id", alias).append("profileId", owner)));
    }

    /** Sets each property whose time is not older than the one stored (latest event time wins). */
    void setProperties(DocumentBatch batch, String profileId, Map<String, PropertyValue> properties) {
        if (properties == null || properties.isEmpty()) {
            return;
        }
        Document stored = profiles(batch).find(profileId);
        Document current = stored == null ? new Document() : stored.get(PROPERTIES, new Document());
        Map<String, Document> winners = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String field = escapeKey(key);
            if (value != null && ProfileDocument.wins(value.at(), current.get(field, Document.class))) {
                winners.put(field, ProfileDocument.property(value));
            }
        });
        if (!winners.isEmpty()) {
            child(profiles(batch).upsert(profileId), PROPERTIES).putAll(winners);
        }
    }

    void countEvent(DocumentBatch batch, String profileId, String recordId, Instant timestamp) {
        RECORDS.apply(profiles(batch), profileId, recordId, profile -> {
            increment(profile, "eventCount");
            min(profile, "firstSeen", toDate(timestamp));
            max(profile, "lastSeen", toDate(timestamp));
        });
    }

    void countSession(DocumentBatch batch, String profileId, String sessionId) {
        SESSIONS.apply(profiles(batch), profileId, sessionId, profile -> increment(profile, "sessionCount"));
    }

    /**
     * Links both ways (either side of the merge may arrive first). Alias entries keep the profile they were linked
     * to: a lookup resolves it to the survivor, so no alias needs rewriting (a rewrite by profile id would scan).
     */
    void link(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        profiles(batch).upsert(mergedProfileId).put(MERGED_INTO, survivorProfileId);
        addToSet(profiles(batch).upsert(survivorProfileId), MERGED_PROFILE_IDS, List.of(mergedProfileId));
    }

    /**
     * Undoes a merge: the split profile is its own again, with the aliases, properties, tracked events and sessions
     * that went back to it; the survivor keeps the properties it would have had without the merge.
     */
    void split(DocumentBatch batch, ProfileSplit split) {
        Set<String> movedSessions = new java.util.HashSet<>();
        split.movedSessions().forEach(session -> movedSessions.add(session.sessionId()));
        long events = split.movedRecords().size();
        long sessionsStarted = split.movedRecords().stream()
                .filter(r -> r.startsSession() && movedSessions.contains(r.sessionId())).count();

        Document survivor = profiles(batch).upsert(split.survivorProfileId());
        List<String> mergedIds = new ArrayList<>(survivor.getList(MERGED_PROFILE_IDS, String.class, List.of()));
        mergedIds.remove(split.splitProfileId());
        survivor.put(MERGED_PROFILE_IDS, mergedIds);
        List<String> survivorAliases = new ArrayList<>(survivor.getList(ALIASES, String.class, List.of()));
        survivorAliases.removeAll(split.movedAliases());
        survivor.put(ALIASES, survivorAliases);
        Document remaining = new Document();
        split.remainingProperties().forEach((key, value) -> remaining.put(escapeKey(key), ProfileDocument.property(value)));
        survivor.put(PROPERTIES, remaining);
        add(survivor, "eventCount", -events);
        add(survivor, "sessionCount", -sessionsStarted);

        Document splitSide = profiles(batch).upsert(split.splitProfileId());
        splitSide.remove(MERGED_INTO);
        addToSet(splitSide, ALIASES, split.movedAliases());
        add(splitSide, "eventCount", events);
        add(splitSide, "sessionCount", sessionsStarted);
        split.movedRecords().forEach(r -> max(splitSide, "lastSeen", toDate(r.at())));
        setProperties(batch, split.splitProfileId(), split.movedProperties());
        BatchedCollection owners = batch.collection(ALIAS_OWNERS);
        split.movedAliases().forEach(alias -> owners.replace(new Document("_id", alias)
                .append("profileId", split.splitProfileId())));
    }

    /** The view of the survivor {@code profileId} resolves to, or null for an unknown id. */
    ProfileView find(String profileId) {
        if (profileId == null || profiles.find(eq("_id", profileId)).projection(Projections.include("_id")).first() == null) {
            return null;
        }
        String survivor = resolve(profileId);
        Map<String, Document> documents = new HashMap<>();
        List<Document> memberDocuments = members(survivor, documents).stream()
                .map(id -> documents.getOrDefault(id, new Document("_id", id))).toList();
        return ProfileDocument.toView(memberDocuments);
    }

    ProfileView findByAlias(String alias) {
        Document owner = alias == null ? null : aliases.find(eq("_id", alias)).first();
        return owner == null ? null : find(owner.getString("profileId"));
    }

    void clear() {
        profiles.deleteMany(empty());
        aliases.deleteMany(empty());
    }

    /** Follows {@code mergedInto} to the final survivor, with this batch's merges. */
    private static String resolve(DocumentBatch batch, String profileId) {
        BatchedCollection batched = profiles(batch);
        return MergeMap.follow(profileId, id -> {
            Document profile = batched.find(id);
            return profile == null ? null : profile.getString(MERGED_INTO);
        });
    }

    /** Follows {@code mergedInto} to the final survivor. */
    private String resolve(String profileId) {
        return MergeMap.follow(profileId, id -> {
            Document profile = profiles.find(eq("_id", id)).projection(Projections.include(MERGED_INTO)).first();
            return profile == null ? null : profile.getString(MERGED_INTO);
        });
    }

    private static BatchedCollection profiles(DocumentBatch batch) {
        return batch.collection(PROFILES);
    }

    /** {@code profileId} then every profile merged into it, transitively; fills {@code documents} on the way. */
    private List<String> members(String profileId, Map<String, Document> documents) {
        Set<String> members = new LinkedHashSet<>(List.of(profileId));
        List<String> frontier = List.of(profileId);
        for (int depth = 0; !frontier.isEmpty() && depth < MAX_DEPTH; depth++) {
            List<String> next = new ArrayList<>();
            for (Document document : profiles.find(in("_id", frontier)).projection(WITHOUT_COUNTED_IDS)) {
                documents.put(document.getString("_id"), document);
                document.getList(MERGED_PROFILE_IDS, String.class, List.of()).stream()
                        .filter(members::add).forEach(next::add);
            }
            frontier = next;
        }
        return new ArrayList<>(members);
    }
}
