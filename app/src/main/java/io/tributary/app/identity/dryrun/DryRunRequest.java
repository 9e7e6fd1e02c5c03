package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/identity/dry-runs}: candidate rules, and the attribution model (and optional UTC date range) of
 * the before/after report. Only {@code channelRules} can be evaluated so far; the identity candidates are accepted
 * in the request's shape and refused with 400 when given, so that nothing is silently ignored.
 */
public record DryRunRequest(List<ChannelRule> channelRules, String model, LocalDate from, LocalDate to,
                            Map<String, Integer> aliasLimits, List<String> blockedValues, List<String> aliasPriority,
                            Duration sessionTimeout) {
}
