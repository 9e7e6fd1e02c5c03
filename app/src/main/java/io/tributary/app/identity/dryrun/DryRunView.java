package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import io.tributary.api.report.AttributionModel;
import io.tributary.api.rules.IdentityRuleSet;
import java.time.Instant;
import java.util.List;

/**
 * A dry-run as {@code GET /api/identity/dry-runs/{id}} shows it: {@code running} with its progress, then
 * {@code done} with the diff; {@code applying}, then {@code applied} after its apply; or {@code failed}.
 * {@code identityRules} is the complete candidate identity rule set (null when only channel rules are tried).
 */
public record DryRunView(String id, String status, double progress, long processedEvents, Instant createdAt,
                         List<ChannelRule> channelRules, AttributionModel model, DryRunDiff diff, Apply apply,
                         String error, IdentityRuleSet identityRules) {

    /**
     * @param rulesVersion          the channel rules version the apply recorded (null without channel rules)
     * @param sessionsReclassified  sessions restated by {@code SessionReclassified}
     * @param attributionRebuilt    whether attribution-conversions was rebuilt (orders without a session changed)
     * @param identityRulesVersion  the identity rules version the apply recorded (null without identity rules)
     * @param identityRestatement   what the apply of identity rules restated, and what not
     * @param profilesSplit         live profiles split off: merges the applied rules would not have made
     * @param profilesMerged        live profiles merged into others: people the applied rules would have joined
     * @param notRestated           changes left as they are: single events another priority would move, merges the
     *                              limits refuse, splits that found no merge to undo
     */
    public record Apply(Long rulesVersion, long sessionsReclassified, boolean attributionRebuilt,
                        Long identityRulesVersion, String identityRestatement, long profilesSplit,
                        long profilesMerged, long notRestated) {

        public static final String IDENTITY_RESTATEMENT = "new tracked events are decided with these identity rules "
                + "from now on; past merges glued by a value these rules newly block are split (rule blocked_value, "
                + "as a quarantine with split does); other merges the rules would not have made are split, and whole "
                + "profiles the rules would have joined are merged (rule manual, operator dry-run:<id>), as the "
                + "dry-run's two replays show; single events another priority would move, and session cuts, are not "
                + "re-decided";
    }
}
