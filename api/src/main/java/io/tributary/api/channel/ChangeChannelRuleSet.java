package io.tributary.api.channel;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the custom channel rules with {@code rules} (the full set). Answers the version in force afterwards; a set
 * equal to the one in force changes nothing and records nothing.
 *
 * @param origin who asked: {@code api}, {@code settings} or {@code dry-run:<id>}
 */
public record ChangeChannelRuleSet(@TargetAggregateIdentifier String ruleBookId, List<ChannelRule> rules,
                                 String origin) {

    public static final String RULE_BOOK_ID = "channel-rules";

    public ChangeChannelRuleSet {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
