package io.tributary.query.profile;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import io.tributary.api.identity.IdentityDecisionRow;
import io.tributary.api.profile.IdentityDecisionView;
import java.time.Instant;
import org.bson.conversions.Bson;
import io.tributary.query.support.BatchedCollection;
import io.tributary.query.support.DocumentBatch;
import io.tributary.query.support.MergeMap;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.in;
import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toInstant;

/**
 * The {@code profile_history} collection: one entry per decision and subject profile, keyed by a deterministic
 * id, with a {@code seq} taken from {@code profile_history_seq} when first stored (the order of handling, to
 * break ties of evidence time). {@code decisionId} is shared by the two entries of one merge_blocked decision.
 */
final class ProfileHistoryRepository {

    private static final String HISTORY = "profile_history";
    private static final String SEQUENCE = "profile_history_seq";
    private static final String COUNTER = "seq";
    /** The decisions that shape the identity graph (and refusals), without the merged side's own entries. */
    private static final List<String> STREAM_DECISIONS = List.of("profile_created", "alias_linked", "profiles_merged",
            "merge_blocked", "profile_split");

    private final MongoCollection<Document> history;
    private final MongoCollection<Document> sequence;
    private final MergeMap merges;

    ProfileHistoryRepository(MongoDatabase database) {
        this.history = database.getCollection(HISTORY);
        this.sequence = database.getCollection(SEQUENCE);
        this.merges = new MergeMap(database, "profile_history_merges");
        history.createIndex(Indexes.ascending("profileId", "at", "seq"));
    }

    /** Reads the entries (to know which exist) and the sequence counter that the batch's entries need. */
    void load(DocumentBatch batch, Collection<HistoryEntry> entries) {
        batch.collection(HISTORY).load(entries.stream().map(HistoryEntry::id).toList());
        if (!entries.isEmpty()) {
            batch.collection(SEQUENCE).load(List.of(COUNTER));
        }
    }

    /** Stores the entry once; a redelivered decision keeps its first sequence number. */
    void add(DocumentBatch batch, HistoryEntry e) {
        BatchedCollection entries = batch.collection(HISTORY);
        if (entries.find(e.id()) != null) {
            return;
        }
        entries.replace(new Document("_id", e.id())
                .append("profileId", e.subjectProfileId())
                .append("decisionId", e.decisionId())
                .append("at", e.evidence() == null ? null : toDate(e.evidence().at()))
                .append("seq", nextSequence(batch))
                .append("decision", e.decision())
                .append("eventId", e.evidence() == null ? null : e.evidence().eventId())
                .append("aliases", e.aliases() == null ? List.of() : e.aliases())
                .append("otherProfileId", e.otherProfileId())
                .append("rule", e.rule()));
    }

    void recordMerge(DocumentBatch batch, String mergedProfileId, String survivorProfileId) {
        merges.record(batch, mergedProfileId, survivorProfileId);
    }

    void forgetMerge(DocumentBatch batch, String splitProfileId) {
        merges.forget(batch, splitProfileId);
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

    /** The decision rows of the merge stream, in the order decided, within [from, to) of decision time if given. */
    List<IdentityDecisionRow> rows(Instant from, Instant to) {
        List<Bson> filters = new ArrayList<>(List.of(in("decision", STREAM_DECISIONS)));
        if (from != null) {
            filters.add(gte("at", toDate(from)));
        }
        if (to != null) {
            filters.add(lt("at", toDate(to)));
        }
        Set<String> seenDecisions = new HashSet<>();
        List<IdentityDecisionRow> rows = new ArrayList<>();
        for (Document entry : history.find(and(filters)).sort(Indexes.ascending("seq"))) {
            if (seenDecisions.add(entry.getString("decisionId"))) {
                Number seq = entry.get("seq", Number.class);
                rows.add(new IdentityDecisionRow(seq == null ? 0 : seq.longValue(), toInstant(entry.getDate("at")),
                        entry.getString("decision"), entry.getString("profileId"), entry.getString("otherProfileId"),
                        entry.getString("eventId"), entry.getList("aliases", String.class, List.of()),
                        entry.getString("rule")));
            }
        }
        return rows;
    }

    void clear() {
        history.deleteMany(empty());
        sequence.deleteMany(empty());
        merges.clear();
    }

    private static long nextSequence(DocumentBatch batch) {
        Document counter = batch.collection(SEQUENCE).upsert(COUNTER);
        Number current = counter.get("value", Number.class);
        long next = (current == null ? 0 : current.longValue()) + 1;
        counter.put("value", next);
        return next;
    }
}
