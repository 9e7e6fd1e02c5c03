package io.tributary.command.channel;

import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.session.ChannelRules;

/** The channel rules port, answered by the sessions' own rules and the rules in force. */
public class ChannelRulesPort implements ChannelClassifier {

    private final ChannelRules rules;
    private final ChannelRulesInForce inForce;

    public ChannelRulesPort(ChannelRules rules, ChannelRulesInForce inForce) {
        this.rules = rules;
        this.inForce = inForce;
    }

    @Override
    public ChannelRuleSet inForce() {
        return inForce.get();
    }

    @Override
    public TrafficSource classify(String landingUrl, String referrer, ChannelRuleSet candidate) {
        return rules.classify(landingUrl, referrer, candidate);
    }
}
