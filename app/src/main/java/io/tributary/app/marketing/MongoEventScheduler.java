package io.tributary.app.marketing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.ScheduleToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * An event scheduler whose schedule lives in MongoDB ({@code scheduled_events}), so that retries and timeouts
 * of running syncs survive a restart (Axon's simple scheduler keeps them in memory). A poller publishes due
 * events to the event bus, then forgets them; an event claimed by a node that died is published again after the
 * claim expires, so delivery is at least once.
 */
public class MongoEventScheduler implements EventScheduler, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoEventScheduler.class);
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final String DUE_AT = "dueAt";
    private static final String CLAIMED_UNTIL = "claimedUntil";

    private final MongoCollection<Document> schedule;
    private final EventBus eventBus;
    private final Serializer serializer;
    private final Duration pollInterval;
    private final Clock clock;
    private ScheduledExecutorService poller;

    public MongoEventScheduler(MongoDatabase database, EventBus eventBus, Serializer serializer, Duration pollInterval,
                               Clock clock) {
        this.schedule = database.getCollection("scheduled_events");
        this.eventBus = eventBus;
        this.serializer = serializer;
        this.pollInterval = pollInterval;
        this.clock = clock;
        schedule.createIndex(Indexes.ascending(DUE_AT));
    }

    /** Identifies one scheduled event. */
    public record Token(String id) implements ScheduleToken {
    }

    @Override
    public ScheduleToken schedule(Instant triggerDateTime, Object event) {
        SerializedObject<String> payload = serializer.serialize(event, String.class);
        String id = UUID.randomUUID().toString();
        schedule.insertOne(new Document("_id", id).append(DUE_AT, Date.from(triggerDateTime))
                .append("type", payload.getType().getName()).append("revision", payload.getType().getRevision())
                .append("payload", payload.getData()));
        return new Token(id);
    }

    @Override
    public ScheduleToken schedule(Duration triggerDuration, Object event) {
        return schedule(clock.instant().plus(triggerDuration), event);
    }

    @Override
    public void cancelSchedule(ScheduleToken scheduleToken) {
        if (scheduleToken instanceof Token token) {
            schedule.deleteOne(Filters.eq("_id", token.id()));
        }
    }

    /** Publishes every event that is due now; answers how many. */
    public int publishDue() {
        int published = 0;
        Document due;
        while ((due = claimNext()) != null) {
            Object event = deserialize(due);
            if (event != null) {
                eventBus.publish(GenericEventMessage.asEventMessage(event));
                published++;
            }
            schedule.deleteOne(Filters.eq("_id", due.get("_id")));
        }
        return published;
    }

    /** The scheduled event, or null (logged) when its type no longer reads: it would never become readable. */
    private Object deserialize(Document due) {
        try {
            Object event = serializer.deserialize(new SimpleSerializedObject<>(due.getString("payload"), String.class,
                    due.getString("type"), due.getString("revision")));
            if (event instanceof UnknownSerializedType) {
                throw new IllegalStateException("unknown type");
            }
            return event;
        } catch (RuntimeException unreadable) {
            log.warn("Dropped scheduled event {} of type {}: it cannot be read any more", due.get("_id"),
                    due.getString("type"), unreadable);
            return null;
        }
    }

    private Document claimNext() {
        Date now = Date.from(clock.instant());
        Bson claimable = Filters.and(Filters.lte(DUE_AT, now),
                Filters.or(Filters.exists(CLAIMED_UNTIL, false), Filters.lt(CLAIMED_UNTIL, now)));
        return schedule.findOneAndUpdate(claimable, Updates.set(CLAIMED_UNTIL, Date.from(clock.instant().plus(CLAIM))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending(DUE_AT)).returnDocument(ReturnDocument.AFTER));
    }

    private void poll() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            log.warn("Publishing scheduled events failed; trying again at the next poll", e);
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-event-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    @Override
    public void shutdown() {
        stop();
    }
}
