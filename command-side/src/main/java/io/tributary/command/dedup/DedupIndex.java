package io.tributary.command.dedup;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * The kept copy of each dedup key: a command-side lookup, claimed atomically (a unique {@code _id}) so that
 * two nodes cannot both keep a copy. Never read by queries.
 */
public class DedupIndex {

    private final MongoCollection<Document> claims;

    public DedupIndex(MongoDatabase database) {
        this.claims = database.getCollection("dedup_keys");
    }

    public Optional<DedupClaim> find(String key) {
        return Optional.ofNullable(claims.find(Filters.eq("_id", key)).first()).map(DedupIndex::claim);
    }

    /** Claims the key; answers the existing claim instead when another copy holds it. */
    public Optional<DedupClaim> claim(DedupClaim claim) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                claims.insertOne(document(claim));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Optional<DedupClaim> holder = find(claim.key());
                if (holder.isPresent()) {
                    return holder;
                }
            }
        }
        throw new IllegalStateException("dedup key " + claim.key() + " keeps changing hands");
    }

    /** Hands an expired key over to a new copy; false when another copy took it over first. */
    public boolean replace(DedupClaim expired, DedupClaim claim) {
        return claims.replaceOne(Filters.and(Filters.eq("_id", expired.key()), Filters.eq("recordId", expired.recordId())),
                document(claim)).getMatchedCount() == 1;
    }

    public void release(DedupClaim claim) {
        claims.deleteOne(Filters.and(Filters.eq("_id", claim.key()), Filters.eq("recordId", claim.recordId())));
    }

    public void restore(DedupClaim claim) {
        claims.replaceOne(Filters.eq("_id", claim.key()), document(claim));
    }

    private static Document document(DedupClaim claim) {
        return new Document("_id", claim.key()).append("recordId", claim.recordId())
                .append("sourceId", claim.sourceId()).append("profileId", claim.profileId())
                .append("fingerprint", claim.fingerprint())
                .append("eventTime", Date.from(claim.eventTime())).append("eventNanos", claim.eventTime().getNano());
    }

    private static DedupClaim claim(Document doc) {
        Instant time = doc.getDate("eventTime").toInstant().with(java.time.temporal.ChronoField.NANO_OF_SECOND,
                doc.getInteger("eventNanos", 0));
        return new DedupClaim(doc.getString("_id"), doc.getString("recordId"), doc.getString("sourceId"),
                doc.getString("profileId"), doc.getString("fingerprint"), time);
    }
}
