package io.tributary.api.channel;

import io.tributary.api.session.TrafficSource;

/** The channel rules port: the custom rules in force, and classification under any rule set (a dry-run's). */
public interface ChannelClassifier {

    ChannelRuleSet inForce();

    /** Classifies a landing with these custom rules before the built-in ones. */
    TrafficSource classify(String landingUrl, String referrer, ChannelRuleSet rules);
}
