package io.tributary.command.channel;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tributary.api.channel.ChangeChannelRuleSet;
import io.tributary.api.channel.ChannelRule;
import io.tributary.api.channel.ChannelRulesChanged;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The custom channel rules and their version: every change is recorded with the full set and a new version. */
@Aggregate
class ChannelRuleBook {

    @AggregateIdentifier
    private String ruleBookId;
    private long version;
    private List<ChannelRule> rules = List.of();

    /** Required by Axon. */
    ChannelRuleBook() {
    }

    /** Answers the version in force afterwards. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(ChangeChannelRuleSet command, ChannelRulesInForce inForce) {
        if (ruleBookId != null && rules.equals(command.rules())) {
            return version;
        }
        long next = version + 1;
        apply(new ChannelRulesChanged(command.ruleBookId(), next, command.rules(), command.origin(),
                Clock.systemUTC().instant()));
        CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u -> inForce.record(next, command.rules())));
        return next;
    }

    @EventSourcingHandler
    void on(ChannelRulesChanged event) {
        ruleBookId = event.ruleBookId();
        version = event.version();
        rules = event.rules();
    }
}
