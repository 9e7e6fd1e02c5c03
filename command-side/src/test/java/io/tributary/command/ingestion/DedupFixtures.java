package io.tributary.command.ingestion;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Kept copies (claims) and tracked events for the dedup policy and index. */
final class DedupFixtures {

    static final Instant KEPT_AT = Instant.parse("2025-03-03T09:00:00.123456789Z");
    static final String WEB = "source-web";
    static final String BACKEND = "source-backend";
    static final String FINGERPRINT = "fp-kept";

    private DedupFixtures() {
    }

    static DedupClaim kept(String eventName) {
        return new DedupClaim(DedupPolicy.key(eventName, "e-1"), "record-1", WEB, "profile-ann", FINGERPRINT,
                KEPT_AT);
    }

    static DedupClaim claim(String recordId, String sourceId, Instant eventTime) {
        return new DedupClaim(DedupPolicy.key("Page Viewed", "e-1"), recordId, sourceId, "profile-of-" + recordId,
                "fp-" + recordId, eventTime);
    }

    static Instant daysAfterKept(long days) {
        return KEPT_AT.plus(Duration.ofDays(days));
    }

    static TrackedEvent trackedEvent(Map<String, Object> properties, List<String> aliases) {
        return new TrackedEvent(TrackedEvent.PLACED_ORDER, "order-1", properties, Map.of("plan", "pro"), aliases,
                KEPT_AT, "+01:00", List.of());
    }
}
