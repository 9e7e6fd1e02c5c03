package io.tributary.query.support;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.DuplicateKind;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.Evidence;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.source.SourceType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Messages for projection tests, with defaults for what a test does not care about. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

    private Fixtures() {
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static TrackedEvent tracked(String eventName, String eventId, Instant timestamp) {
        return new TrackedEvent(eventName, eventId, Map.of("url", "https://shop.example/p/1"),
                Map.of("$email", "ann@example.com"), List.of("urn:email:ann@example.com"), timestamp, null, List.of());
    }

    public static EventRecorded recorded(String recordId, String profileId, String sourceId, String sessionId,
                                         Instant receivedAt, TrackedEvent event) {
        return new EventRecorded(profileId, recordId, sourceId, SourceType.BROWSER, receivedAt, event,
                "fp-" + recordId, sessionId, false, null, sessionId != null);
    }

    public static EventRecorded recorded(String recordId, String profileId, Instant timestamp) {
        return recorded(recordId, profileId, "src-1", null, timestamp,
                tracked("Viewed Product", "ev-" + recordId, timestamp));
    }

    public static DuplicateDiscarded duplicate(String recordId, String profileId, String sourceId, Instant receivedAt,
                                               String keptRecordId, DuplicateKind kind) {
        return new DuplicateDiscarded(profileId, recordId, sourceId, SourceType.SERVER, receivedAt,
                tracked(TrackedEvent.PLACED_ORDER, "order-1", receivedAt), "fp-" + recordId, keptRecordId,
                "src-1", kind);
    }

    public static PayloadRejected rejected(String recordId, String sourceId, Instant receivedAt,
                                           FieldError... errors) {
        return new PayloadRejected(sourceId, recordId, receivedAt, "{\"event_name\":\"\"}", null, null,
                List.of(errors));
    }

    public static Evidence evidence(String recordId, Instant at) {
        return new Evidence(recordId, "ev-" + recordId, at);
    }

    public static ProfilesMerged survivorSide(String survivor, String merged, List<String> mergedAliases,
                                              Map<String, PropertyValue> mergedProperties, Evidence evidence) {
        return new ProfilesMerged(survivor, survivor, merged, List.of("urn:email:ann@example.com"), mergedAliases,
                mergedProperties, List.of(), "shared_alias", evidence);
    }

    public static ProfilesMerged mergedSide(String survivor, String merged, Evidence evidence) {
        return new ProfilesMerged(merged, survivor, merged, List.of("urn:email:ann@example.com"), List.of(),
                Map.of(), List.of(), "shared_alias", evidence);
    }
}
