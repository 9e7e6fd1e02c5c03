package io.tributary.command.source;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;

/**
 * The delivery ids of store webhooks already stored, per source ({@code X-Shopify-Webhook-Id},
 * {@code X-WC-Webhook-Delivery-ID}), so that a retried delivery is answered without being ingested again. A
 * command-side lookup, never read by queries. Ids are kept for {@code retention} (Shopify retries for 4 hours);
 * expired ones are pruned at most once an hour.
 */
public class WebhookDeliveries {

    private static final String AT = "at";
    private static final String OUTCOME = "outcome";

    private final MongoCollection<Document> deliveries;
    private final Duration retention;
    private final AtomicReference<Instant> lastPrune = new AtomicReference<>(Instant.EPOCH);

    public WebhookDeliveries(MongoDatabase database, Duration retention) {
        this.deliveries = database.getCollection("webhook_deliveries");
        this.retention = retention;
    }

    /** How an earlier copy of this delivery ended ({@code stored} or {@code rejected}); empty when it is new. */
    public Optional<String> outcome(String sourceId, String deliveryId) {
        if (deliveryId == null || deliveryId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", key(sourceId, deliveryId))).first())
                .map(doc -> doc.getString(OUTCOME));
    }

    /** Remembers a delivery once what it gave (tracked events, or a rejected entry) is stored. */
    public void remember(String sourceId, String deliveryId, String outcome, Instant at) {
        if (deliveryId == null || deliveryId.isBlank()) {
            return;
        }
        try {
            deliveries.insertOne(new Document("_id", key(sourceId, deliveryId)).append(OUTCOME, outcome)
                    .append(AT, Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        pruneExpired(at);
    }

    private void pruneExpired(Instant now) {
        Instant last = lastPrune.get();
        if (now.isAfter(last.plus(Duration.ofHours(1))) && lastPrune.compareAndSet(last, now)) {
            deliveries.deleteMany(Filters.lt(AT, Date.from(now.minus(retention))));
        }
    }

    private static String key(String sourceId, String deliveryId) {
        return sourceId + '\u001f' + deliveryId;
    }
}
