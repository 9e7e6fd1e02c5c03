package io.tributary.api.profile;

import java.util.Map;

/** Only the properties that changed, each with the event time that set it. */
public record ProfilePropertiesUpdated(String profileId, Map<String, PropertyValue> properties, Evidence evidence) {
}
