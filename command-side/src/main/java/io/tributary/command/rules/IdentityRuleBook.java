package io.tributary.command.rules;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.rules.IdentityRulesChanged;
import io.tributary.api.rules.RecordIdentityRuleSet;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The identity rules and their version: a set that differs from the rules in force gets the next version. The
 * settings recorded at start get one when they differ from the settings last recorded, so that they do not undo
 * rules applied since (a dry-run's) as long as the settings themselves are unchanged. This node decides under the
 * rules in force once the unit of work commits.
 */
@Aggregate
class IdentityRuleBook {

    static final String SETTINGS = "settings";

    @AggregateIdentifier
    private String ruleBookId;
    private long version;
    private IdentityRuleSet rules;
    /** The rules last recorded from the settings. */
    private IdentityRuleSet settings;

    /** Required by Axon. */
    IdentityRuleBook() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RecordIdentityRuleSet command, IdentityRulesVersion live) {
        if (ruleBookId == null || !command.rules().equals(SETTINGS.equals(command.origin()) ? settings : rules)) {
            apply(new IdentityRulesChanged(command.ruleBookId(), version + 1, command.rules(), command.origin(),
                    Clock.systemUTC().instant()));
        }
        decideUnder(live, version, rules);
        return version;
    }

    @EventSourcingHandler
    void on(IdentityRulesChanged event) {
        ruleBookId = event.ruleBookId();
        version = event.version();
        rules = event.rules();
        if (SETTINGS.equals(event.origin())) {
            settings = event.rules();
        }
    }

    private static void decideUnder(IdentityRulesVersion live, long version, IdentityRuleSet rules) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> live.inForce(version, rules));
        } else {
            live.inForce(version, rules);
        }
    }
}
