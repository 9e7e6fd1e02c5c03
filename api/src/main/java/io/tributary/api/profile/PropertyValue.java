package io.tributary.api.profile;

import java.time.Instant;

/** A profile property with the event time that set it: the latest event time wins. */
public record PropertyValue(Object value, Instant at) {
}
