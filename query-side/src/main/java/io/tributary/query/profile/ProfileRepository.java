package io.tributary.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.profile.ProfileView;
import io.tributary.api.profile.PropertyValue;
import io.tributary.query.support.AtMostOnce;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.min;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.tributary.query.profile.ProfileDocument.ALIASES;
import static io.tributary.query.profile.ProfileDocument.COUNTED_RECORDS;
import static io.tributary.query.profile.ProfileDocument.COUNTED_SESSIONS;
import static io.tributary.query.profile.ProfileDocument.MERGED_INTO;
import static io.tributary.query.profile.ProfileDocument.MERGED_PROFILE_IDS;
import static io.tributary.query.profile.ProfileDocument.PROPERTIES;
import static io.tributary.query.support.MongoValues.escapeKey;
import static io.tributary.query.support.MongoValues.toDate;

/** The {@code profiles} collection and the {@code profile_aliases} lookup ({@code _id} = alias). */
final class ProfileRepository {

    /** More record ids than one profile receives in one processor batch: redelivery is at most a batch. */
    private static final int RECORD_WINDOW = 1000;
    private static final int SESSION_WINDOW = 200;
    private static final int MAX_DEPTH = 64;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final Bson WITHOUT_COUNTED_IDS = Projections.exclude(COUNTED_RECORDS, COUNTED_SESSIONS);

    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> aliases;

    ProfileRepository(MongoDatabase database) {
        this.profiles = database.getCollection("profiles");
        this.aliases = database.getCollection("profile_aliases");
        profiles.createIndex(Indexes.ascending(MERGED_INTO));
        aliases.createIndex(Indexes.ascending("profileId"));
    }

    void create(String profileId, Instant at) {
        Bson create = setOnInsert(ALIASES, List.of());
        profiles.updateOne(eq("_id", profileId), at == null ? create
                : combine(create, min("firstSeen", toDate(at)), max("lastSeen", toDate(at))), UPSERT);
    }

    /** Creates the profile if need be, with these aliases added. */
    void addAliases(String profileId, Collection<String> newAliases) {
        List<String> added = newAliases == null ? List.of() : List.copyOf(newAliases);
        profiles.updateOne(eq("_id", profileId), addEachToSet(ALIASES, added), UPSERT);
        if (added.isEmpty()) {
            return;
        }
        String owner = resolve(profileId);
        added.forEach(alias -> aliases.replaceOne(eq("_id", alias),
                new Document("_id", alias).append("profileId", owner), new ReplaceOptions().upsert(true)));
    }

    /** Sets each property whose time is not older than the one stored (latest event time wins). */
    void setProperties(String profileId, Map<String, PropertyValue> properties) {
        if (properties == null || properties.isEmpty()) {
            return;
        }
        Document stored = profiles.find(eq("_id", profileId)).projection(Projections.include(PROPERTIES)).first();
        Document current = stored == null ? new Document() : stored.get(PROPERTIES, new Document());
        List<Bson> updates = new ArrayList<>();
        properties.forEach((key, value) -> {
            String field = escapeKey(key);
            if (value != null && ProfileDocument.wins(value.at(), current.get(field, Document.class))) {
                updates.add(set(PROPERTIES + "." + field, ProfileDocument.property(value)));
            }
        });
        if (!updates.isEmpty()) {
            profiles.updateOne(eq("_id", profileId), combine(updates), UPSERT);
        }
    }

    void countEvent(String profileId, String recordId, Instant timestamp) {
        AtMostOnce.apply(profiles, profileId, COUNTED_RECORDS, recordId, RECORD_WINDOW,
                combine(inc("eventCount", 1), min("firstSeen", toDate(timestamp)), max("lastSeen", toDate(timestamp))));
    }

    void countSession(String profileId, String sessionId) {
        AtMostOnce.apply(profiles, profileId, COUNTED_SESSIONS, sessionId, SESSION_WINDOW, inc("sessionCount", 1));
    }

    /**
     * Links both ways (either side of the merge may arrive first). Alias entries keep the profile they were linked
     * to: a lookup resolves it to the survivor, so no alias needs rewriting (a rewrite by profile id would scan).
     */
    void link(String mergedProfileId, String survivorProfileId) {
        profiles.updateOne(eq("_id", mergedProfileId), set(MERGED_INTO, survivorProfileId), UPSERT);
        profiles.updateOne(eq("_id", survivorProfileId), addToSet(MERGED_PROFILE_IDS, mergedProfileId), UPSERT);
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

    /** Follows {@code mergedInto} to the final survivor. */
    private String resolve(String profileId) {
        String current = profileId;
        Set<String> seen = new HashSet<>();
        while (seen.add(current) && seen.size() < MAX_DEPTH) {
            Document document = profiles.find(eq("_id", current)).projection(Projections.include(MERGED_INTO)).first();
            if (document == null || document.getString(MERGED_INTO) == null) {
                return current;
            }
            current = document.getString(MERGED_INTO);
        }
        return current;
    }

    private List<String> members(String profileId) {
        return members(profileId, new HashMap<>());
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
