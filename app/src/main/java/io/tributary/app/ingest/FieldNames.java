package io.tributary.app.ingest;

/** The wire names of a tracked event's fields: the webhook uses snake case, the pixel camel case. */
record FieldNames(String eventName, String eventId, String properties, String profileProperties, String aliases,
                  String timestamp, boolean eventIdRequired, boolean mapsRequired) {

    static final FieldNames WEBHOOK = new FieldNames("event_name", "event_id", "properties", "profile_properties",
            "aliases", "timestamp", true, true);
    static final FieldNames PIXEL = new FieldNames("eventName", "eventID", "properties", "profileProperties",
            "aliases", "timestamp", false, false);
}
