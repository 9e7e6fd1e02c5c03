package io.tributary.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for tracked-event payloads, as the webhook and the pixel send them. */
public final class TrackedEvents {

    private TrackedEvents() {
    }

    public static Map<String, Object> webhook(String name, String id, List<String> aliases) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", name);
        event.put("event_id", id);
        event.put("properties", new LinkedHashMap<>());
        event.put("profile_properties", new LinkedHashMap<>());
        event.put("aliases", new ArrayList<>(aliases));
        return event;
    }

    public static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        event.put(field, value);
        return event;
    }

    public static Map<String, Object> pixel(String name, String id, String url, String referrer, List<String> aliases) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$url", url);
        if (referrer != null) {
            properties.put("referrer", referrer);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("method", "track");
        event.put("eventName", name);
        if (id != null) {
            event.put("eventID", id);
        }
        event.put("properties", properties);
        event.put("aliases", new ArrayList<>(aliases));
        return event;
    }
}
