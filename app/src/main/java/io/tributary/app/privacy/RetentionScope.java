package io.tributary.app.privacy;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.PayloadRejected;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.session.SessionStarted;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The source and month (UTC) whose retention key seals an event's personal content: a tracked event's by its event
 * time, a session's by its start, a rejected payload's by its receipt. Its key's id is {@code <sourceId>/<yyyy-MM>}.
 */
record RetentionScope(String sourceId, YearMonth month) {

    /** The scope of a stored event, or null when it has none (no source or no time). */
    static RetentionScope of(Object event) {
        if (event instanceof EventRecorded e) {
            return of(e.sourceId(), eventTime(e.event(), e.receivedAt()));
        }
        if (event instanceof DuplicateDiscarded e) {
            return of(e.sourceId(), eventTime(e.event(), e.receivedAt()));
        }
        if (event instanceof SessionStarted e) {
            return of(e.sourceId(), e.startedAt());
        }
        if (event instanceof PayloadRejected e) {
            return of(e.sourceId(), e.receivedAt());
        }
        return null;
    }

    static String keyId(String sourceId, String month) {
        return sourceId + '/' + month;
    }

    /** The month of a key id ({@code <sourceId>/<yyyy-MM>}). */
    static String monthOf(String keyId) {
        return keyId.substring(keyId.lastIndexOf('/') + 1);
    }

    String keyId() {
        return keyId(sourceId, month.toString());
    }

    private static RetentionScope of(String sourceId, Instant at) {
        return sourceId == null || at == null ? null : new RetentionScope(sourceId, YearMonth.from(at.atOffset(ZoneOffset.UTC)));
    }

    private static Instant eventTime(TrackedEvent event, Instant receivedAt) {
        return event != null && event.timestamp() != null ? event.timestamp() : receivedAt;
    }
}
