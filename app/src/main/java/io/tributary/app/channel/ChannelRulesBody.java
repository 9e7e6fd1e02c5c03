package io.tributary.app.channel;

import io.tributary.api.channel.ChannelRule;
import java.util.List;

/** The body of {@code PUT /api/channel-rules} and of the rules file: the full set of custom rules, in order. */
public record ChannelRulesBody(List<ChannelRule> rules) {
}
