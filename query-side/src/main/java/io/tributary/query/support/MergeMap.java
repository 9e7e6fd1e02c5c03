package io.tributary.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A projection's own record of profile merges ({@code _id} = merged profile, {@code survivor} = the profile it
 * was merged into), so that it can resolve ids without depending on another projection's progress, whatever
 * order the merges arrive in. Event handlers record and resolve through their {@link DocumentBatch}; queries read
 * the collection.
 */
public final class MergeMap {

    private static final int MAX_DEPTH = 64;
    private static final String SURVIVOR = "survivor";
    /** Small $in lists: the embedded store scans the list for each document it matches. */
    private static final int IN_CHUNK = 100;

    private final String collectionName;
    private final MongoCollection<Document> merges;

    public MergeMap(MongoDatabase database, String collectionName) {
        this.collectionName = collectionName;
        this.merges = database.getCollection(collectionName);
        merges.createIndex(Indexes.ascending(SURVIVOR));
    }

    /** Records a merge now (for projections that write per event). */
    public void record(String mergedProfileId, String survivorProfileId) {
        merges.replaceOne(eq("_id", mergedProfileId), new Document("_id", mergedProfileId)
                .append(SURVIVOR, survivorProfileId), new ReplaceOptions().upsert(true));
    }

    /** Records a merge in this batch. */
    public void record(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        batch.collection(collectionName).replace(new Document("_id", mergedProfileId).append(SURVIVOR, survivorProfileId));
    }

    /** Forgets a merge in this batch (it was split): the merged profile resolves to itself again. */
    public void forget(DocumentBatch batch, String mergedProfileId) {
        batch.collection(collectionName).delete(mergedProfileId);
    }

    /** Reads, in a few queries, what resolving these ids in this batch will need. */
    public void load(DocumentBatch batch, Collection<String> profileIds) {
        batch.collection(collectionName).load(profileIds, merge -> merge.getString(SURVIVOR));
    }

    /** The profile that {@code profileId} finally resolves to, with the merges of this batch. */
    public String resolve(DocumentBatch batch, String profileId) {
        BatchedCollection batched = batch.collection(collectionName);
        return follow(profileId, id -> {
            Document merge = batched.find(id);
            return merge == null ? null : merge.getString(SURVIVOR);
        });
    }

    /** The profile that {@code profileId} finally resolves to (itself when it was never merged). */
    public String resolve(String profileId) {
        return follow(profileId, id -> {
            Document merge = merges.find(eq("_id", id)).first();
            return merge == null ? null : merge.getString(SURVIVOR);
        });
    }

    /** Follows {@code next} from {@code id} until it answers null (or a cycle or {@value #MAX_DEPTH} steps). */
    public static String follow(String id, UnaryOperator<String> next) {
        String current = id;
        Set<String> seen = new HashSet<>();
        while (seen.add(current) && seen.size() < MAX_DEPTH) {
            String following = next.apply(current);
            if (following == null) {
                return current;
            }
            current = following;
        }
        return current;
    }

    /** What each profile finally resolves to, read by {@code _id} in one query per step of the longest chain. */
    public Map<String, String> resolveAll(Collection<String> profileIds) {
        Map<String, String> resolved = new HashMap<>();
        profileIds.forEach(id -> resolved.put(id, id));
        Set<String> frontier = new HashSet<>(resolved.values());
        for (int depth = 0; !frontier.isEmpty() && depth < MAX_DEPTH; depth++) {
            Map<String, String> step = new HashMap<>();
            List<String> ids = new ArrayList<>(frontier);
            for (int i = 0; i < ids.size(); i += IN_CHUNK) {
                merges.find(in("_id", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK))))
                        .forEach(merge -> step.put(merge.getString("_id"), merge.getString(SURVIVOR)));
            }
            resolved.replaceAll((id, current) -> step.getOrDefault(current, current));
            frontier = new HashSet<>(step.values());
        }
        return resolved;
    }

    /** {@code profileId} followed by every profile merged into it, directly or through a chain. */
    public List<String> members(String profileId) {
        Set<String> members = new LinkedHashSet<>(List.of(profileId));
        List<String> frontier = List.of(profileId);
        for (int depth = 0; !frontier.isEmpty() && depth < MAX_DEPTH; depth++) {
            List<String> next = new ArrayList<>();
            for (Document merge : merges.find(in(SURVIVOR, frontier))) {
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
