package io.tributary.command.profile;

import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What identity stitching reads of a profile: a copy, taken in the caller's unit of work. */
public record ProfileState(String profileId, Instant firstSeen, List<String> aliases,
                           Map<String, PropertyValue> properties, List<SessionRef> sessions, String mergedInto) {
}
