package io.tributary.app.identity.dryrun;

import io.tributary.api.identity.IdentityOperationOutcome;
import io.tributary.api.identity.MergeProfilesByHand;
import io.tributary.api.identity.SplitProfileByHand;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an applied dry-run's {@link LiveRestatement} with the identity operations an operator has: a split by
 * the aliases a part owns, and a merge by hand, each recorded with the dry-run as operator. After the rules are
 * recorded, so that a merge is judged by the limits now in force.
 */
final class LiveRestatements {

    private static final Logger log = LoggerFactory.getLogger(LiveRestatements.class);

    record Counts(long split, long merged, long left) {
    }

    private final CommandGateway commands;
    private final String operator;
    private final String reason;

    LiveRestatements(CommandGateway commands, String operator, String reason) {
        this.commands = commands;
        this.operator = operator;
        this.reason = reason;
    }

    Counts carryOut(LiveRestatement restatement) {
        long split = 0;
        long merged = 0;
        long left = restatement.notRestated();
        for (LiveRestatement.Split planned : restatement.splits()) {
            long before = split;
            for (List<String> aliases : planned.partsAliases()) {
                IdentityOperationOutcome outcome = send(new SplitProfileByHand(planned.profileId(), null, aliases,
                        reason, operator));
                split += outcome != null && "split".equals(outcome.outcome()) ? outcome.others().size() : 0;
            }
            left += split == before ? 1 : 0;
        }
        for (List<String> profiles : restatement.merges()) {
            for (String other : profiles.subList(1, profiles.size())) {
                IdentityOperationOutcome outcome = send(new MergeProfilesByHand(profiles.get(0), other, reason,
                        operator));
                boolean done = outcome != null && "merged".equals(outcome.outcome());
                merged += done ? 1 : 0;
                left += done || outcome != null && "already_merged".equals(outcome.outcome()) ? 0 : 1;
            }
        }
        return new Counts(split, merged, left);
    }

    /** The outcome, or null when the command failed (a profile erased meanwhile, say): that change is left. */
    private IdentityOperationOutcome send(Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("{}: {} was not carried out: {}", operator, command.getClass().getSimpleName(),
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
