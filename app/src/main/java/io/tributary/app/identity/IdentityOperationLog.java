package io.tributary.app.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.tributary.api.identity.IdentityOperationOutcome;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Where splits and quarantines with split are kept while they run and after: {@code identity_operations} (one
 * document per operation, with its node and progress) and {@code identity_operation_locks} (one per profile being
 * worked on; its unique {@code _id} lets one operation per profile run, across nodes).
 */
@Component
class IdentityOperationLog {

    private final MongoCollection<Document> operations;
    private final MongoCollection<Document> locks;
    private final Clock clock = Clock.systemUTC();

    IdentityOperationLog(MongoDatabase database) {
        this.operations = database.getCollection("identity_operations");
        this.locks = database.getCollection("identity_operation_locks");
    }

    /** Takes the profile for the operation; answers the operation holding it instead, if another does. */
    Optional<String> lock(String profileId, String operationId) {
        try {
            locks.insertOne(new Document("_id", profileId).append("operationId", operationId));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = locks.find(Filters.eq("_id", profileId)).first();
            return Optional.of(holder == null ? "" : holder.getString("operationId"));
        }
    }

    /** Gives the profile up, if this operation still holds it. */
    void unlock(String profileId, String operationId) {
        locks.deleteOne(Filters.and(Filters.eq("_id", profileId), Filters.eq("operationId", operationId)));
    }

    void started(String operationId, String kind, String profileId, String node) {
        operations.insertOne(new Document("_id", operationId).append("kind", kind).append("profileId", profileId)
                .append("status", IdentityOperationView.RUNNING).append("node", node)
                .append("mergesUndone", 0).append("mergesTotal", 0).append("movedRecords", 0)
                .append("startedAt", Date.from(clock.instant())));
    }

    /** Forgets an operation that never started (another held its profile). */
    void forget(String operationId) {
        operations.deleteOne(Filters.eq("_id", operationId));
    }

    void progressed(String operationId, int undone, int total, int movedRecords) {
        operations.updateOne(running(operationId), Updates.combine(Updates.set("mergesUndone", undone),
                Updates.set("mergesTotal", total), Updates.set("movedRecords", movedRecords)));
    }

    void done(String operationId, IdentityOperationOutcome outcome, String error) {
        operations.updateOne(Filters.eq("_id", operationId), Updates.combine(
                Updates.set("status", error == null ? IdentityOperationView.DONE : IdentityOperationView.FAILED),
                Updates.set("finishedAt", Date.from(clock.instant())), Updates.set("result", outcome == null ? null
                        : new Document("outcome", outcome.outcome()).append("profileId", outcome.profileId())
                        .append("others", outcome.others()).append("rule", outcome.rule())
                        .append("movedRecords", outcome.movedRecords())),
                Updates.set("error", error)));
    }

    /** Marks a running operation interrupted (its node stopped before it finished); false if it was not running. */
    boolean interrupted(String operationId, String why) {
        return operations.updateOne(running(operationId), Updates.combine(
                Updates.set("status", IdentityOperationView.INTERRUPTED),
                Updates.set("finishedAt", Date.from(clock.instant())), Updates.set("error", why)))
                .getModifiedCount() > 0;
    }

    Optional<Stored> find(String operationId) {
        return Optional.ofNullable(operations.find(Filters.eq("_id", operationId)).first()).map(Stored::new);
    }

    private static Bson running(String operationId) {
        return Filters.and(Filters.eq("_id", operationId), Filters.eq("status", IdentityOperationView.RUNNING));
    }

    /** One operation's document. */
    record Stored(Document document) {

        String node() {
            return document.getString("node");
        }

        IdentityOperationView view() {
            Document result = document.get("result", Document.class);
            Date finished = document.getDate("finishedAt");
            return new IdentityOperationView(document.getString("_id"), document.getString("kind"),
                    document.getString("profileId"), document.getString("status"),
                    document.getInteger("mergesUndone", 0), document.getInteger("mergesTotal", 0),
                    document.getInteger("movedRecords", 0), document.getDate("startedAt").toInstant(),
                    finished == null ? null : finished.toInstant(), result == null ? null
                    : new IdentityOperationOutcome(result.getString("outcome"), result.getString("profileId"),
                    result.getList("others", String.class, List.of()), result.getString("rule"),
                    result.getInteger("movedRecords", 0)), document.getString("error"));
        }
    }
}
