package io.tributary.api.profile;

import java.util.List;

public record ProfileCreated(String profileId, List<String> aliases, String rule, Evidence evidence) {
}
