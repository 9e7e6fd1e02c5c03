package io.tributary.app.commerce;

import io.tributary.api.ingestion.TrackedEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the tracked event of a store payload; absent values are left out rather than stored as nulls. */
public final class TrackedEventDraft {

    private final String name;
    private final String id;
    private final OffsetDateTime time;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Object> profileProperties = new LinkedHashMap<>();
    private final Set<String> aliases = new LinkedHashSet<>();

    public TrackedEventDraft(String name, String id, OffsetDateTime time, Origin origin) {
        this.name = name;
        this.id = id;
        this.time = time;
        properties.put(Origin.PROPERTY, origin.wireName());
    }

    public TrackedEventDraft property(String key, Object value) {
        if (value != null) {
            properties.put(key, value);
        }
        return this;
    }

    /** The aliases and profile properties of whom the event is about. */
    public TrackedEventDraft about(StoreIdentity who) {
        aliases.addAll(who.aliases());
        profileProperties.putAll(who.profileProperties());
        return this;
    }

    public TrackedEvent build() {
        return new TrackedEvent(name, id, properties, profileProperties, new ArrayList<>(aliases), time.toInstant(),
                time.getOffset().getId(), List.of());
    }
}
