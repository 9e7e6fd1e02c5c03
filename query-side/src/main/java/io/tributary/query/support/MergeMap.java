package io.tributary.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A projection's own record of profile merges ({@code _id} = merged profile, {@code survivor} = the profile it
 * was merged into), so that it can resolve ids without depending on another projection's progress, whatever
 * order the merges arrive in.
 */
public final class MergeMap {

    private static final int MAX_DEPTH = 64;

    private final MongoCollection<Document> merges;

    public MergeMap(MongoDatabase database, String collectionName) {
        this.merges = database.getCollection(collectionName);
        merges.createIndex(Indexes.ascending("survivor"));
    }

    public void record(String mergedProfileId, String survivorProfileId) {
        merges.replaceOne(eq("_id", mergedProfileId), new Document("_id", mergedProfileId)
                .append("survivor", survivorProfileId), new ReplaceOptions().upsert(true));
    }

    /** The profile that {@code profileId} finally resolves to (itself when it was never merged). */
    public String resolve(String profileId) {
        String current = profileId;
        Set<String> seen = new HashSet<>();
        while (seen.add(current) && seen.size() < MAX_DEPTH) {
            Document merge = merges.find(eq("_id", current)).first();
            if (merge == null) {
                return current;
            }
            current = merge.getString("survivor");
        }
        return current;
    }

    /** {@code profileId} followed by every profile merged into it, directly or through a chain. */
    public List<String> members(String profileId) {
        Set<String> members = new LinkedHashSet<>(List.of(profileId));
        List<String> frontier = List.of(profileId);
        for (int depth = 0; !frontier.isEmpty() && depth < MAX_DEPTH; depth++) {
            List<String> next = new ArrayList<>();
            for (Document merge : merges.find(in("survivor", frontier))) {
                if (members.add(merge.getString("_id"))) {
                    next.add(merge.getString("_id"));
                }
            }
            frontier = next;
        }
        return new ArrayList<>(members);
    }

    public void clear() {
        merges.deleteMany(new Document());
    }
}
