package io.tributary.app.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;

/**
 * Rebuilds asked for on any node, kept in {@code projection_rebuilds} until the node that holds the read model's
 * segments carries them out: only the holder can reset the tokens it has claimed.
 */
public class RebuildRequests {

    private final MongoCollection<Document> requests;
    private final String nodeId;
    private final Clock clock;

    public RebuildRequests(MongoDatabase database, String nodeId, Clock clock) {
        this.requests = database.getCollection("projection_rebuilds");
        this.nodeId = nodeId;
        this.clock = clock;
    }

    void request(String readModel) {
        requests.replaceOne(Filters.eq("_id", readModel), new Document("_id", readModel)
                .append("requestedBy", nodeId).append("requestedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
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

    void done(String readModel) {
        requests.deleteOne(Filters.eq("_id", readModel));
    }
}
