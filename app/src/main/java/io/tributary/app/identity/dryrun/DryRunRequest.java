package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/identity/dry-runs}: candidate rules, and the attribution model (and optional UTC date range) of
 * the before/after report. Channel rules, identity rules ({@code aliasLimits}, {@code blockedValues},
 * {@code aliasPriority}, {@code sessionTimeout}; see {@link IdentityCandidate} for how they combine with the rules in
 * force), or both; {@code channelRules} is required when no identity field is given.
 */
public record DryRunRequest(List<ChannelRule> channelRules, String model, LocalDate from, LocalDate to,
                            Map<String, Integer> aliasLimits, List<String> blockedValues, List<String> aliasPriority,
                            Duration sessionTimeout) {
}
