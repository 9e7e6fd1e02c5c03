package io.tributary.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.IdentityDecisionView;
import io.tributary.query.support.MergeMap;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The {@code profile_history} collection: one entry per decision and subject profile, keyed by a deterministic
 * id, with a {@code seq} taken from {@code profile_history_seq} when first stored (the order of handling, to
 * break ties of evidence time). {@code decisionId} is shared by the two entries of one merge_blocked decision.
 */
final class ProfileHistoryRepository {

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> sequence;
    private final MergeMap merges;

    ProfileHistoryRepository(MongoDatabase database) {
        this.history = database.getCollection("profile_history");
        this.sequence = database.getCollection("profile_history_seq");
        this.merges = new MergeMap(database, "profile_history_merges");
        history.createIndex(Indexes.ascending("profileId", "at", "seq"));
    }

    /** Stores the entry once; a redelivered decision keeps its first sequence number. */
    void add(String subjectProfileId, String decision, Evidence evidence, List<String> aliases,
             String otherProfileId, String rule, String decisionId) {
        String id = decisionId + "|" + subjectProfileId;
        if (history.find(eq("_id", id)).first() != null) {
            return;
        }
        Document entry = new Document("profileId", subjectProfileId)
                .append("decisionId", decisionId)
                .append("at", evidence == null ? null : toDate(evidence.at()))
                .append("seq", nextSequence())
                .append("decision", decision)
                .append("eventId", evidence == null ? null : evidence.eventId())
                .append("aliases", aliases == null ? List.of() : aliases)
                .append("otherProfileId", otherProfileId)
                .append("rule", rule);
        history.updateOne(eq("_id", id), setOnInsert(entry), new UpdateOptions().upsert(true));
    }

    void recordMerge(String mergedProfileId, String survivorProfileId) {
        merges.record(mergedProfileId, survivorProfileId);
    }

    String resolve(String profileId) {
        return merges.resolve(profileId);
    }

    /** The decisions about {@code profileId} and every profile merged into it, oldest first. */
    List<IdentityDecisionView> decisions(String profileId) {
        Set<String> seenDecisions = new HashSet<>();
        return history.find(in("profileId", merges.members(profileId))).sort(Indexes.ascending("at", "seq"))
                .into(new ArrayList<>()).stream()
                .filter(entry -> seenDecisions.add(entry.getString("decisionId")))
                .map(entry -> new IdentityDecisionView(toInstant(entry.getDate("at")), entry.getString("decision"),
                        entry.getString("eventId"), entry.getList("aliases", String.class),
                        entry.getString("otherProfileId"), entry.getString("rule")))
                .toList();
    }

    void clear() {
        history.deleteMany(empty());
        sequence.deleteMany(empty());
        merges.clear();
    }

    private long nextSequence() {
        Document counter = sequence.findOneAndUpdate(eq("_id", "seq"), inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue();
    }
}
