package io.tributary.command.rules;

import io.tributary.api.rules.IdentityRuleSet;
import java.util.Optional;

/**
 * The version of the identity rules this node decides under, and those rules: 0 and none until the rules are
 * recorded at start; then whatever the rule book last recorded or kept (an applied dry-run's rules, for one).
 */
public class IdentityRulesVersion {

    private volatile InForce inForce = new InForce(0, null);

    public long current() {
        return inForce.version();
    }

    /** The rules recorded under {@link #current()}; empty until the rules are recorded at start. */
    public Optional<IdentityRuleSet> rules() {
        return Optional.ofNullable(inForce.rules());
    }

    /** A new version of the rules already in force. */
    public void inForce(long recorded) {
        inForce = new InForce(recorded, inForce.rules());
    }

    /** Decisions from now on run under these rules and name this version. */
    public void inForce(long recorded, IdentityRuleSet rules) {
        inForce = new InForce(recorded, rules);
    }

    private record InForce(long version, IdentityRuleSet rules) {
    }
}
