package io.tributary.app.commerce;

import io.tributary.api.ingestion.FieldError;
import io.tributary.api.ingestion.TrackedEvent;
import java.util.List;

/**
 * What a store payload means: the tracked events it gives, or every problem that stopped it (with field names), or
 * why it is ignored (a topic we do not map, an order not placed yet).
 */
public record Mapped(List<TrackedEvent> events, List<FieldError> errors, String ignored) {

    public static Mapped events(List<TrackedEvent> events) {
        return events.isEmpty() ? ignored("nothing to record yet") : new Mapped(List.copyOf(events), List.of(), null);
    }

    public static Mapped invalid(List<FieldError> errors) {
        return new Mapped(List.of(), List.copyOf(errors), null);
    }

    public static Mapped ignored(String reason) {
        return new Mapped(List.of(), List.of(), reason);
    }

    public boolean isInvalid() {
        return !errors.isEmpty();
    }

    public boolean isIgnored() {
        return ignored != null;
    }
}
