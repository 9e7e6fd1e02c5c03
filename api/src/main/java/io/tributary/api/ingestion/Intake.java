package io.tributary.api.ingestion;

import io.tributary.api.source.SourceType;
import java.time.Instant;

/**
 * One tracked event as received: from which source, when, and with which server-assigned record id.
 *
 * @param deliveryId the store's webhook delivery id ({@code X-Shopify-Webhook-Id}, {@code X-WC-Webhook-Delivery-ID}),
 *                   or null: a copy of a delivery already recorded is discarded as a store redelivery
 * @param recordOnce the source re-sends whole orders (WooCommerce, backfill): a copy this source already recorded is
 *                   discarded as already recorded, whatever the dedup window
 */
public record Intake(String recordId, String sourceId, SourceType sourceType, Instant receivedAt, TrackedEvent event,
                     String deliveryId, boolean recordOnce) {

    public Intake(String recordId, String sourceId, SourceType sourceType, Instant receivedAt, TrackedEvent event) {
        this(recordId, sourceId, sourceType, receivedAt, event, null, false);
    }
}
