package io.tributary.command.ingestion;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a rejected payload is kept in its {@code PayloadRejected}: enough to see what was sent, never enough to
 * break a read model. Control characters (other than tab and line breaks) are written as {@code \\uXXXX}; the payload
 * is cut at {@value #MAX_PAYLOAD} characters, names and ids at {@value #MAX_NAME}, error texts at {@value #MAX_ERROR},
 * and at most {@value #MAX_ERRORS} errors are kept; each cut says how much it left out.
 */
final class KeptPayload {

    static final int MAX_PAYLOAD = 64 * 1024;
    static final int MAX_NAME = 256;
    static final int MAX_ERROR = 512;
    static final int MAX_ERRORS = 50;

    private KeptPayload() {
    }

    static Rejection of(Rejection rejection) {
        List<FieldError> errors = rejection.errors() == null ? List.of() : rejection.errors();
        List<FieldError> kept = errors.stream().limit(MAX_ERRORS)
                .map(e -> new FieldError(cut(e.field(), MAX_ERROR), cut(e.message(), MAX_ERROR))).toList();
        if (errors.size() > MAX_ERRORS) {
            kept = new ArrayList<>(kept);
            kept.add(new FieldError("body", (errors.size() - MAX_ERRORS) + " more problems left out"));
        }
        return new Rejection(rejection.recordId(), rejection.sourceId(), rejection.receivedAt(),
                cut(rejection.payload(), MAX_PAYLOAD), cut(rejection.eventName(), MAX_NAME),
                cut(rejection.eventId(), MAX_NAME), kept, rejection.deliveryId());
    }

    /** The text with control characters escaped, cut at {@code max} characters. */
    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), max) + 16);
        int i = 0;
        for (; i < text.length() && kept.length() < max; i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            kept.append(control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? kept + "…[" + (text.length() - i) + " more characters left out]" : kept.toString();
    }
}
