package io.tributary.api.channel;

import java.util.List;

/** The custom channel rules of one version. Version 0 has none: the built-in rules alone. */
public record ChannelRuleSet(long version, List<ChannelRule> rules) {

    public static final ChannelRuleSet BUILT_IN = new ChannelRuleSet(0, List.of());

    public ChannelRuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
