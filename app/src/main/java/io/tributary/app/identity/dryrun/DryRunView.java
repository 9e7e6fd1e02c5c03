package io.tributary.app.identity.dryrun;

import io.tributary.api.channel.ChannelRule;
import io.tributary.api.report.AttributionModel;
import java.time.Instant;
import java.util.List;

/**
 * A dry-run as {@code GET /api/identity/dry-runs/{id}} shows it: {@code running} with its progress, then
 * {@code done} with the diff; {@code applying}, then {@code applied} after its apply; or {@code failed}.
 */
public record DryRunView(String id, String status, double progress, long processedEvents, Instant createdAt,
                         List<ChannelRule> channelRules, AttributionModel model, DryRunDiff diff, Apply apply,
                         String error) {

    /**
     * @param rulesVersion         the channel rules version the apply recorded
     * @param sessionsReclassified sessions restated by {@code SessionReclassified}
     * @param attributionRebuilt   whether attribution-conversions was rebuilt (orders without a session changed)
     */
    public record Apply(Long rulesVersion, long sessionsReclassified, boolean attributionRebuilt) {
    }
}
