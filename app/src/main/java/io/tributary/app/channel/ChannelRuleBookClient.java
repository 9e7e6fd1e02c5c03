package io.tributary.app.channel;

import io.tributary.api.channel.ChangeChannelRuleSet;
import io.tributary.api.channel.ChannelClassifier;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRuleSet;
import io.tributary.app.cluster.ConflictRetry;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Changes the custom channel rules through the rule book; a set equal to the one in force records nothing. */
@Component
public class ChannelRuleBookClient {

    private final CommandGateway commands;
    private final ChannelClassifier channels;

    ChannelRuleBookClient(CommandGateway commands, ChannelClassifier channels) {
        this.commands = commands;
        this.channels = channels;
    }

    /** @return the rules in force afterwards, with their version */
    public ChannelRuleSet change(List<ChannelRule> rules, String origin) {
        ChannelRuleSet current = channels.inForce();
        if (current.rules().equals(rules)) {
            return current;
        }
        Long version = ConflictRetry.retrying("changing the channel rules", () -> commands.sendAndWait(
                new ChangeChannelRuleSet(ChangeChannelRuleSet.RULE_BOOK_ID, rules, origin)));
        return new ChannelRuleSet(version, rules);
    }
}
