package io.tributary.command.ingestion;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.command.source.SourceTokenIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;

/**
 * The store webhook deliveries already recorded ({@code X-Shopify-Webhook-Id}, {@code X-WC-Webhook-Delivery-ID}):
 * per source, delivery and tracked event, the record it gave and its profile, or that the delivery was rejected.
 * A command-side lookup built only from the recorded events ({@link EventRecorded}, {@link DuplicateDiscarded},
 * {@link PayloadRejected} that carry a delivery id), kept by the subscribing {@code source-tokens} group in the
 * unit of work that records them, and rebuilt by {@link #rebuild}. Never read by queries. Deliveries older than
 * {@code retention} (Shopify retries for 4 hours) are forgotten, and pruned at most once an hour.
 */
@ProcessingGroup(SourceTokenIndex.PROCESSING_GROUP)
public class DeliveryIndex {

    /** What a delivery of tracked events gave: the record of that event, on that profile. */
    public record Delivered(String recordId, String profileId) {
    }

    private static final String AT = "at";
    private static final String RECORD_ID = "recordId";
    private static final String PROFILE_ID = "profileId";
    private static final String REJECTED = "\u001frejected";

    private final MongoCollection<Document> deliveries;
    private final Duration retention;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    public DeliveryIndex(MongoDatabase database, Duration retention) {
        this.deliveries = database.getCollection("store_deliveries");
        this.retention = retention;
    }

    /** The record an earlier copy of this delivery gave for this tracked event, if within the retention. */
    public Optional<Delivered> delivered(String sourceId, String deliveryId, TrackedEvent event, Instant now) {
        return find(key(sourceId, deliveryId, eventKey(event)), now)
                .map(doc -> new Delivered(doc.getString(RECORD_ID), doc.getString(PROFILE_ID)));
    }

    /** Whether an earlier copy of this delivery was rejected, within the retention. */
    public boolean wasRejected(String sourceId, String deliveryId, Instant now) {
        return find(key(sourceId, deliveryId, REJECTED), now).isPresent();
    }

    @EventHandler
    void on(EventRecorded event) {
        remember(event.sourceId(), event.deliveryId(), eventKey(event.event()), event.recordId(), event.profileId(),
                event.receivedAt());
    }

    @EventHandler
    void on(DuplicateDiscarded event) {
        if (event.kind() != DuplicateKind.STORE_REDELIVERY) {
            remember(event.sourceId(), event.deliveryId(), eventKey(event.event()), event.recordId(),
                    event.profileId(), event.receivedAt());
        }
    }

    @EventHandler
    void on(PayloadRejected event) {
        remember(event.sourceId(), event.deliveryId(), REJECTED, event.recordId(), null, event.receivedAt());
    }

    /** Forgets every delivery, then remembers those of the given events (payloads in the order they were stored). */
    public void rebuild(Iterable<?> payloads) {
        deliveries.deleteMany(new Document());
        payloads.forEach(this::handle);
    }

    /** Remembers what one recorded event says about a delivery; other events say nothing. */
    void handle(Object payload) {
        if (payload instanceof EventRecorded recorded) {
            on(recorded);
        } else if (payload instanceof DuplicateDiscarded discarded) {
            on(discarded);
        } else if (payload instanceof PayloadRejected rejected) {
            on(rejected);
        }
    }

    private Optional<Document> find(String key, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", key)).first())
                .filter(doc -> !doc.getDate(AT).toInstant().isBefore(now.minus(retention)));
    }

    private void remember(String sourceId, String deliveryId, String eventKey, String recordId, String profileId,
                          Instant at) {
        String key = key(sourceId, deliveryId, eventKey);
        if (key == null) {
            return;
        }
        Document doc = new Document("_id", key).append(RECORD_ID, recordId).append(PROFILE_ID, profileId)
                .append(AT, Date.from(at));
        deliveries.replaceOne(Filters.eq("_id", key), doc, new ReplaceOptions().upsert(true));
        pruneExpired(at);
    }

    private void pruneExpired(Instant now) {
        Instant last = lastPrune.get();
        if (now.isAfter(last.plus(Duration.ofHours(1))) && lastPrune.compareAndSet(last, now)) {
            deliveries.deleteMany(Filters.lt(AT, Date.from(now.minus(retention))));
        }
    }

    private static String eventKey(TrackedEvent event) {
        return DedupPolicy.key(event.eventName(), event.eventId());
    }

    private static String key(String sourceId, String deliveryId, String eventKey) {
        if (deliveryId == null || deliveryId.isBlank()) {
            return null;
        }
        return sourceId + '\u001f' + deliveryId + '\u001f' + eventKey;
    }
}
