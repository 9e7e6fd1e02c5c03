package io.tributary.app.cluster;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;

/**
 * Scheduled work that must run once per schedule, not once per node: the first node to take the lease of a schedule
 * runs it; the others skip until the lease lapses. Decided by the unique {@code _id} of {@code schedule_leases}.
 */
public class ScheduleLease {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final NodeId self;
    private final Clock clock;

    public ScheduleLease(MongoDatabase database, NodeId self, Clock clock) {
        this.leases = database.getCollection("schedule_leases");
        this.self = self;
        this.clock = clock;
    }

    /** True when this node took {@code schedule} for {@code length}: no other node takes it before that ends. */
    public boolean tryTake(String schedule, Duration length) {
        Date now = Date.from(clock.instant());
        try {
            leases.updateOne(Filters.and(Filters.eq("_id", schedule), Filters.lte("until", now)),
                    Updates.combine(Updates.set("until", Date.from(clock.instant().plus(length))),
                            Updates.set("holder", self.value()), Updates.set("takenAt", now)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
