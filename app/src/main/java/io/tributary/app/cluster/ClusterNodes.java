package io.tributary.app.cluster;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import org.bson.Document;

/** The nodes sharing this MongoDB: each writes a heartbeat to {@code cluster_nodes}; a silent one is gone. */
public class ClusterNodes {

    private final MongoCollection<Document> nodes;
    private final NodeId self;
    private final Duration timeout;
    private final Clock clock;

    public ClusterNodes(MongoDatabase database, NodeId self, Duration timeout, Clock clock) {
        this.nodes = database.getCollection("cluster_nodes");
        this.self = self;
        this.timeout = timeout;
        this.clock = clock;
    }

    public NodeId self() {
        return self;
    }

    public void heartbeat() {
        Instant now = clock.instant();
        nodes.replaceOne(Filters.eq("_id", self.value()), new Document("_id", self.value())
                .append("lastSeen", Date.from(now)), new ReplaceOptions().upsert(true));
    }

    public void leave() {
        nodes.deleteOne(Filters.eq("_id", self.value()));
    }

    /** The nodes heard from within the timeout, sorted, always including this one. */
    public List<String> live() {
        Date since = Date.from(clock.instant().minus(timeout));
        TreeSet<String> live = new TreeSet<>();
        for (Document node : nodes.find(Filters.gte("lastSeen", since))) {
            live.add(node.getString("_id"));
        }
        live.add(self.value());
        return new ArrayList<>(live);
    }
}
