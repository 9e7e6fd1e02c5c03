package io.tributary.command.rules;

import io.tributary.api.rules.IdentityRuleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The version of the identity rules this node decides under, and those rules: 0 and none until the rules are
 * recorded at start; then whatever the rule book last recorded or kept (an applied dry-run's rules, for one). With a
 * shared {@link IdentityRulesStore}, a change recorded on another node is taken within {@link #REFRESH}, when the
 * rules are next asked for.
 */
public class IdentityRulesVersion {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final IdentityRulesStore shared;
    private final Clock clock;
    private volatile InForce inForce = new InForce(0, null);
    private volatile Instant readAt = Instant.MIN;

    /** The rules of this node alone. */
    public IdentityRulesVersion() {
        this(null, Clock.systemUTC());
    }

    public IdentityRulesVersion(IdentityRulesStore shared, Clock clock) {
        this.shared = shared;
        this.clock = clock;
    }

    /** The version decisions name: of the rules last returned by {@link #rules()} (or recorded on this node). */
    public long current() {
        return inForce.version();
    }

    /** The rules in force; empty until the rules are recorded at start. */
    public Optional<IdentityRuleSet> rules() {
        Instant now = clock.instant();
        if (shared != null && readAt.plus(REFRESH).isBefore(now)) {
            readAt = now;
            shared.read().filter(recorded -> recorded.version() > inForce.version())
                    .ifPresent(recorded -> inForce = new InForce(recorded.version(), recorded.rules()));
        }
        return Optional.ofNullable(inForce.rules());
    }

    /** A new version of the rules already in force. */
    public void inForce(long recorded) {
        inForce = new InForce(recorded, inForce.rules());
    }

    /** Decisions from now on run under these rules and name this version; other nodes follow within the refresh. */
    public void inForce(long recorded, IdentityRuleSet rules) {
        if (shared != null) {
            shared.record(recorded, rules);
        }
        inForce = new InForce(recorded, rules);
    }

    private record InForce(long version, IdentityRuleSet rules) {
    }
}
