package io.tributary.query.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The opaque position after an entry: base64url of "receivedAtMillis:recordId" (the sort key). */
record EventLogCursor(Instant receivedAt, String recordId) {

    static EventLogCursor after(Instant receivedAt, String recordId) {
        return new EventLogCursor(receivedAt, recordId);
    }

    static EventLogCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return new EventLogCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))),
                    text.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor: " + cursor, e);
        }
    }

    String encode() {
        String text = receivedAt.toEpochMilli() + ":" + recordId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
