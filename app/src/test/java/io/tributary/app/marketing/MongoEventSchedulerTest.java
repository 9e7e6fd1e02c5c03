package io.tributary.app.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tributary.api.marketing.SyncRetryDue;
import io.tributary.api.marketing.SyncTimeoutReached;
import io.tributary.embedded.EmbeddedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.scheduling.ScheduleToken;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoEventSchedulerTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<Object> published = new ArrayList<>();
    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private MongoEventScheduler scheduler;

    @BeforeEach
    void scheduler() {
        server = EmbeddedMongoServer.memory();
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("scheduler");
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(messages -> messages.stream().map(EventMessage::getPayload).forEach(published::add));
        scheduler = new MongoEventScheduler(database, bus, JacksonSerializer.defaultSerializer(), Duration.ofSeconds(1),
                clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void publishesAnEventOnceItIsDueAndOnlyOnce() {
        scheduler.schedule(Duration.ofSeconds(30), new SyncRetryDue("ms", "s1", 1));
        scheduler.schedule(Duration.ofMinutes(5), new SyncTimeoutReached("ms", "s1"));

        assertThat(scheduler.publishDue()).isZero();
        clock.move(Duration.ofSeconds(30));
        assertThat(scheduler.publishDue()).isEqualTo(1);
        assertThat(scheduler.publishDue()).isZero();
        clock.move(Duration.ofMinutes(5));
        assertThat(scheduler.publishDue()).isEqualTo(1);

        assertThat(published).containsExactly(new SyncRetryDue("ms", "s1", 1), new SyncTimeoutReached("ms", "s1"));
    }

    @Test
    void forgetsACancelledEvent() {
        ScheduleToken token = scheduler.schedule(Duration.ofSeconds(30), new SyncRetryDue("ms", "s1", 1));

        scheduler.cancelSchedule(token);
        clock.move(Duration.ofMinutes(1));

        assertThat(scheduler.publishDue()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void aNewSchedulerOnTheSameStorePublishesWhatTheOldOneScheduled() {
        scheduler.schedule(Duration.ofSeconds(30), new SyncRetryDue("ms", "s1", 2));
        SimpleEventBus otherBus = SimpleEventBus.builder().build();
        List<Object> afterRestart = new ArrayList<>();
        otherBus.subscribe(messages -> messages.forEach(message -> afterRestart.add(message.getPayload())));
        MongoEventScheduler restarted = new MongoEventScheduler(database, otherBus,
                JacksonSerializer.defaultSerializer(), Duration.ofSeconds(1), clock);

        clock.move(Duration.ofSeconds(31));

        assertThat(restarted.publishDue()).isEqualTo(1);
        assertThat(afterRestart).containsExactly(new SyncRetryDue("ms", "s1", 2));
    }

    @Test
    void dropsAnEventWhoseTypeNoLongerReads() {
        database.getCollection("scheduled_events").insertOne(new Document("_id", "gone")
                .append("dueAt", Date.from(clock.instant())).append("type", "io.tributary.api.marketing.Gone")
                .append("payload", "{}"));

        assertThat(scheduler.publishDue()).isZero();
        assertThat(database.getCollection("scheduled_events").countDocuments()).isZero();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
