package io.tributary.app.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * Rebuilds asked for on any node, kept in {@code projection_rebuilds} until one node has reset every segment of the
 * read model. One node carries a request out: it takes it ({@code carrier}, renewed on each attempt, taken over by
 * another node when the carrier has been silent for {@code carrierTimeout}); the other nodes release the segments
 * they hold so that the carrier can claim them all and reset them in one go. A request asked again while it is being
 * carried out gets a new id and is carried out again; the reset of the older one does not remove it.
 */
public class RebuildRequests {

    /** A request stored before requests had ids. */
    private static final String UNNAMED = "";

    private final MongoCollection<Document> requests;
    private final String nodeId;
    private final Duration carrierTimeout;
    private final Clock clock;

    public RebuildRequests(MongoDatabase database, String nodeId, Duration carrierTimeout, Clock clock) {
        this.requests = database.getCollection("projection_rebuilds");
        this.nodeId = nodeId;
        this.carrierTimeout = carrierTimeout;
        this.clock = clock;
    }

    String nodeId() {
        return nodeId;
    }

    void request(String readModel) {
        requests.updateOne(Filters.eq("_id", readModel), Updates.combine(
                Updates.set("requestId", UUID.randomUUID().toString()), Updates.set("requestedBy", nodeId),
                Updates.set("requestedAt", Date.from(clock.instant()))), new UpdateOptions().upsert(true));
    }

    /**
     * Takes (or renews) the pending request of this read model for this node: the request's id when this node is now
     * its carrier; empty when none is pending or another live node carries it.
     */
    Optional<String> take(String readModel) {
        Date now = Date.from(clock.instant());
        Date stale = Date.from(clock.instant().minus(carrierTimeout));
        Document taken = requests.findOneAndUpdate(Filters.and(Filters.eq("_id", readModel), Filters.or(
                        Filters.eq("carrier", null), Filters.eq("carrier", nodeId), Filters.lt("carriedAt", stale))),
                Updates.combine(Updates.set("carrier", nodeId), Updates.set("carriedAt", now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(taken).map(request -> Objects.requireNonNullElse(request.getString("requestId"),
                UNNAMED));
    }

    /** Whether another node carries out this read model's pending request. */
    boolean carriedElsewhere(String readModel) {
        Document request = requests.find(Filters.eq("_id", readModel)).first();
        if (request == null || request.getString("carrier") == null || nodeId.equals(request.getString("carrier"))) {
            return false;
        }
        Date carriedAt = request.getDate("carriedAt");
        return carriedAt != null && !carriedAt.toInstant().isBefore(clock.instant().minus(carrierTimeout));
    }

    Set<String> pending() {
        Set<String> names = new HashSet<>();
        for (Document request : requests.find()) {
            names.add(request.getString("_id"));
        }
        return names;
    }

    boolean isPending(String readModel) {
        return requests.find(Filters.eq("_id", readModel)).first() != null;
    }

    /** The request this node carried out is done, unless it was asked again meanwhile. */
    void done(String readModel, String requestId) {
        requests.deleteOne(Filters.and(Filters.eq("_id", readModel),
                Filters.eq("requestId", UNNAMED.equals(requestId) ? null : requestId)));
    }
}
