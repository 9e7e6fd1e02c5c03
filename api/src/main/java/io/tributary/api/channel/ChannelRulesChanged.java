package io.tributary.api.channel;

import java.time.Instant;
import java.util.List;

/** The custom channel rules in force from now on: the full set, and its version (1, 2, …; 0 is the built-ins alone). */
public record ChannelRulesChanged(String ruleBookId, long version, List<ChannelRule> rules, String origin,
                                  Instant changedAt) {
}
