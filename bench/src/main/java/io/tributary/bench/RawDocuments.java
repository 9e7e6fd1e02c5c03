package io.tributary.bench;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Documents equivalent in shape and size to what intake stores for one tracked event, for the raw ceiling. */
final class RawDocuments {

    private RawDocuments() {
    }

    static Document equivalentOf(long i) {
        return new Document("_id", "raw-" + i).append("aggregateIdentifier", "profile-" + (i % 50_000))
                .append("sequenceNumber", i).append("type", "Profile").append("timestamp", new Date())
                .append("payloadType", "io.tributary.api.ingestion.EventRecorded")
                .append("payload", "{\"profileId\":\"7f1c2a9e-0000-4000-8000-" + String.format("%012d", i)
                        + "\",\"recordId\":\"a1b2c3d4-0000-4000-8000-000000000000\",\"sourceId\":\"s-1\",\"sourceType\":\"browser\","
                        + "\"event\":{\"eventName\":\"Viewed Product\",\"eventId\":\"e-" + i + "\",\"properties\":{\"$url\":"
                        + "\"https://shop.example/products/p-1\",\"product_id\":\"p-1\",\"price\":\"19.99\"},\"profileProperties\":{},"
                        + "\"aliases\":[\"urn:anonymous_id:d-" + i + "\"],\"timestamp\":\"2026-11-25T12:00:00Z\"},\"sessionId\":"
                        + "\"5e6f7a8b-0000-4000-8000-000000000000\",\"stitched\":true}")
                .append("metaData", "{}");
    }

    static Map<String, Object> serverEvent(long i) {
        return Map.of("event_name", "Subscription Renewed", "event_id", "sub-" + i,
                "properties", Map.of("total_price", "9.99", "currency", "EUR"),
                "profile_properties", Map.of(), "aliases", List.of("urn:customer_id:c-" + (i % 20_000)));
    }
}
