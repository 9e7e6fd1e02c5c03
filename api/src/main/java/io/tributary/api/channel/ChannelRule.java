package io.tributary.api.channel;

/** A user's channel rule: checked, in order, before the built-in rules; the first rule that matches wins. */
public record ChannelRule(String name, ChannelCondition when, ChannelOutcome then) {
}
