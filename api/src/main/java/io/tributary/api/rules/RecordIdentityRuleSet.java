package io.tributary.api.rules;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the identity rules in force; answers their version (unchanged, and nothing recorded, when equal). */
public record RecordIdentityRuleSet(@TargetAggregateIdentifier String ruleBookId, IdentityRuleSet rules,
                                    String origin) {

    public static final String RULE_BOOK_ID = "identity-rules";
}
