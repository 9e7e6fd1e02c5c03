package io.tributary.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The app's write pattern on the store, one batch of tracked events at a time: events appended to an event store
 * (unique aggregate + sequence), entries appended to an event log with five ordered indexes, read-model documents
 * upserted and a few deleted, a tracking token rewritten; then the caller flushes, as the app does per answered batch.
 */
final class StoreChurn {

    static final int EVENTS_PER_BATCH = 100;

    private final Random random = new Random(14);
    private final Map<String, Integer> sequences = new HashMap<>();
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> eventLog;
    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> tokens;
    private long clock = 1_760_000_000_000L;

    StoreChurn(MongoDatabase db) {
        events = db.getCollection("domainevents");
        eventLog = db.getCollection("eventlog");
        profiles = db.getCollection("profiles");
        tokens = db.getCollection("trackingtokens");
    }

    static void createIndexes(MongoDatabase db) {
        db.getCollection("domainevents").createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true));
        MongoCollection<Document> log = db.getCollection("eventlog");
        log.createIndex(Indexes.descending("receivedAt", "_id"));
        for (String field : List.of("sourceId", "eventName", "status", "profileId")) {
            log.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending("receivedAt", "_id")));
        }
    }

    void writeBatch() {
        List<Document> stored = new ArrayList<>();
        List<Document> logged = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_BATCH; i++) {
            clock += random.nextInt(50);
            String aggregate = "session-" + random.nextInt(2_000);
            int sequence = sequences.merge(aggregate, 1, Integer::sum) - 1;
            ObjectId id = new ObjectId();
            stored.add(new Document("_id", id).append("aggregateIdentifier", aggregate).append("sequenceNumber", sequence)
                    .append("type", "Session").append("timestamp", new Date(clock))
                    .append("payload", "{\"event\":\"page\",\"url\":\"https://shop.example/p/" + random.nextInt(100_000)
                            + "\",\"props\":\"" + "x".repeat(250 + random.nextInt(200)) + "\"}"));
            logged.add(new Document("_id", id.toHexString()).append("receivedAt", new Date(clock))
                    .append("sourceId", "source-" + random.nextInt(5)).append("eventName", "event-" + random.nextInt(30))
                    .append("status", random.nextInt(20) == 0 ? "rejected" : "accepted")
                    .append("profileId", "profile-" + random.nextInt(3_000))
                    .append("summary", "y".repeat(100 + random.nextInt(100))));
        }
        events.insertMany(stored);
        eventLog.insertMany(logged);
        for (int i = 0; i < 30; i++) {
            profiles.updateOne(Filters.eq("_id", "profile-" + random.nextInt(3_000)),
                    Updates.combine(Updates.set("lastSeen", new Date(clock)), Updates.inc("events", 1),
                            Updates.set("traits", "z".repeat(200 + random.nextInt(200)))),
                    new UpdateOptions().upsert(true));
        }
        profiles.deleteMany(Filters.in("_id", "profile-" + random.nextInt(3_000), "profile-" + random.nextInt(3_000)));
        tokens.replaceOne(Filters.eq("_id", "eventlog-0"), new Document("_id", "eventlog-0").append("token",
                "t".repeat(1_000 + random.nextInt(2_000))).append("at", new Date(clock)), new ReplaceOptions().upsert(true));
    }

    /** Copies every collection of {@code from} into {@code to}, in batches: the same data, written once. */
    static void copy(MongoDatabase from, MongoDatabase to) {
        for (String name : List.of("domainevents", "eventlog", "profiles", "trackingtokens")) {
            List<Document> batch = new ArrayList<>();
            for (Document document : from.getCollection(name).find().batchSize(1_000)) {
                batch.add(document);
                if (batch.size() == 1_000) {
                    to.getCollection(name).insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                to.getCollection(name).insertMany(batch);
            }
        }
    }
}
