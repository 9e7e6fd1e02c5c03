package io.tributary.api.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record ProfileView(String profileId, List<String> aliases, Map<String, Object> properties, Instant firstSeen,
                          Instant lastSeen, long eventCount, long sessionCount, List<String> mergedProfileIds) {
}
