package io.tributary.query.eventlog;

import io.tributary.api.eventlog.EventLogItem;
import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.IngestionStatus;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static io.tributary.query.support.MongoValues.toDate;
import static io.tributary.query.support.MongoValues.toDocument;
import static io.tributary.query.support.MongoValues.toInstant;
import static io.tributary.query.support.MongoValues.toMap;

/**
 * One log entry, {@code _id} = recordId. {@code profileId} is the profile the entry belongs to now (merges move
 * it to the survivor, for filtering); {@code originalProfileId} is the one it was recorded on, which is what the
 * log shows. {@code at} is the time the from/to filters apply to: the event timestamp, or receivedAt for a
 * rejected payload.
 */
final class EventLogDocument {

    static final String PROFILE_ID = "profileId";
    static final String RECEIVED_AT = "receivedAt";
    static final String AT = "at";
    static final String EVENT_ID = "eventId";
    static final String ALIASES = "aliases";

    private EventLogDocument() {
    }

    static Document accepted(EventRecorded e, String currentProfileId) {
        return tracked(e.recordId(), IngestionStatus.ACCEPTED, List.of(), e.sourceId(), e.receivedAt(), e.event(),
                e.profileId(), currentProfileId).append("sessionId", e.sessionId());
    }

    static Document duplicate(DuplicateDiscarded e, String currentProfileId) {
        String kind = e.kind() == null ? "" : " (" + e.kind().name().toLowerCase(Locale.ROOT) + ")";
        return tracked(e.recordId(), IngestionStatus.DUPLICATE, List.of("duplicate of " + e.keptRecordId() + kind),
                e.sourceId(), e.receivedAt(), e.event(), e.profileId(), currentProfileId);
    }

    static Document rejected(PayloadRejected e) {
        List<String> reasons = e.errors() == null ? List.of() : e.errors().stream().map(EventLogDocument::reason).toList();
        return new Document("_id", e.recordId())
                .append("status", IngestionStatus.REJECTED.wireName())
                .append("reasons", reasons)
                .append("sourceId", e.sourceId())
                .append("eventName", e.eventName())
                .append("eventId", e.eventId())
                .append(RECEIVED_AT, toDate(e.receivedAt()))
                .append(AT, toDate(e.receivedAt()))
                .append("payload", e.payload());
    }

    static EventLogItem toItem(Document d) {
        return new EventLogItem(d.getString("_id"), d.getString("eventId"), d.getString("eventName"),
                d.getString("sourceId"), d.getString("status"), d.getList("reasons", String.class),
                d.getString("originalProfileId"), d.getString("sessionId"), toInstant(d.getDate("timestamp")),
                toInstant(d.getDate(RECEIVED_AT)), toMap(d.get("properties", Document.class)),
                toMap(d.get("profileProperties", Document.class)), d.getList("aliases", String.class),
                d.getString("payload"));
    }

    private static Document tracked(String recordId, IngestionStatus status, List<String> reasons, String sourceId,
                                    Instant receivedAt, TrackedEvent event, String originalProfileId,
                                    String currentProfileId) {
        return new Document("_id", recordId)
                .append("status", status.wireName())
                .append("reasons", reasons)
                .append("sourceId", sourceId)
                .append("eventName", event.eventName())
                .append(EVENT_ID, event.eventId())
                .append(PROFILE_ID, currentProfileId)
                .append("originalProfileId", originalProfileId)
                .append("timestamp", toDate(event.timestamp()))
                .append(RECEIVED_AT, toDate(receivedAt))
                .append(AT, toDate(event.timestamp()))
                .append("properties", toDocument(event.properties()))
                .append("profileProperties", toDocument(event.profileProperties()))
                .append(ALIASES, event.aliases());
    }

    private static String reason(FieldError error) {
        return error.field() == null || error.field().isBlank() ? error.message() : error.field() + ": " + error.message();
    }
}
