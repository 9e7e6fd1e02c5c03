package io.tributary.app.segment;

import java.util.Locale;
import java.util.Optional;

/** The Segment calls, each with the tracked-event name it becomes ({@code track} keeps its own). */
enum SegmentType {
    IDENTIFY("$identify"), TRACK(null), PAGE("$page_load"), SCREEN("$screen_view"), GROUP("$group"), ALIAS("$alias");

    private final String eventName;

    SegmentType(String eventName) {
        this.eventName = eventName;
    }

    String eventName() {
        return eventName;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SegmentType> fromWire(Object type) {
        if (!(type instanceof String text)) {
            return Optional.empty();
        }
        for (SegmentType candidate : values()) {
            if (candidate.wireName().equalsIgnoreCase(text.trim())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
