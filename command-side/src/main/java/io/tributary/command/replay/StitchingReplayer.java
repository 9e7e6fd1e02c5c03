package io.tributary.command.replay;

import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.rules.IdentityReplay;
import io.tributary.api.rules.IdentityReplayer;
import io.tributary.api.rules.IdentityRuleSet;
import io.tributary.api.session.TrafficSource;
import io.tributary.command.ingestion.AliasRules;
import io.tributary.command.profile.AliasLimits;
import io.tributary.command.session.SessionPolicy;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Starts in-memory replays with the live policies' code, under the rules a dry-run asks for. */
public final class StitchingReplayer implements IdentityReplayer {

    private final Supplier<IdentityRuleSet> inForce;
    private final Predicate<String> quarantined;
    private final SessionPolicy livePolicy;

    /**
     * @param inForce     the rules new tracked events are decided with
     * @param quarantined whether a normalised alias is quarantined now
     * @param livePolicy  the live session policy, whose stitching window a replay keeps
     */
    public StitchingReplayer(Supplier<IdentityRuleSet> inForce, Predicate<String> quarantined,
                             SessionPolicy livePolicy) {
        this.inForce = inForce;
        this.quarantined = quarantined;
        this.livePolicy = livePolicy;
    }

    @Override
    public IdentityRuleSet inForce() {
        return inForce.get();
    }

    @Override
    public IdentityReplay start(IdentityRuleSet rules, Function<TrackedEvent, TrafficSource> classify) {
        SessionPolicy sessions = rules.sessionTimeout() == null ? livePolicy
                : livePolicy.withInactivityTimeout(rules.sessionTimeout());
        return new StitchingReplay(new AliasRules(rules.blockedValues(), quarantined),
                new AliasLimits(rules.aliasLimits()), rules.aliasOrder(), sessions, classify);
    }
}
