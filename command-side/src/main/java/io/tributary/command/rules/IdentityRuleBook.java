package io.tributary.command.rules;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.IdentityRulesChanged;
import io.tributary.api.rules.RecordIdentityRuleSet;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The identity rules and their version: a set that differs from the last recorded one gets the next version. */
@Aggregate
class IdentityRuleBook {

    @AggregateIdentifier
    private String ruleBookId;
    private long version;
    private IdentityRuleSet rules;

    /** Required by Axon. */
    IdentityRuleBook() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordIdentityRuleSet command) {
        if (ruleBookId != null && command.rules().equals(rules)) {
            return version;
        }
        apply(new IdentityRulesChanged(command.ruleBookId(), version + 1, command.rules(), command.origin(),
                Clock.systemUTC().instant()));
        return version;
    }

    @EventSourcingHandler
    void on(IdentityRulesChanged event) {
        ruleBookId = event.ruleBookId();
        version = event.version();
        rules = event.rules();
    }
}
