package io.tributary.app.identity.dryrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the candidate rules would change.
 *
 * @param sessionsChanged          how many sessions would change channel group, channel or campaign
 * @param sessions                 those sessions (the first {@value DryRunDiff#SESSIONS_LISTED})
 * @param channelGroups            orders and revenue per channel group, before and after, for the chosen model
 * @param sessionlessOrdersChanged orders without a session whose own landing_site/referring_site would be classified
 *                                 differently (apply restates them by rebuilding attribution-conversions)
 * @param profilesMerged           always empty: identity candidates are not evaluated yet
 * @param profilesSplit            always empty: identity candidates are not evaluated yet
 */
public record DryRunDiff(long sessionsChanged, List<SessionChange> sessions, String model, LocalDate from,
                         LocalDate to, String currency, List<GroupChange> channelGroups,
                         long sessionlessOrdersChanged, List<String> profilesMerged, List<String> profilesSplit) {

    public static final int SESSIONS_LISTED = 1000;

    public record SessionChange(String sessionId, String profileId, Instant startedAt, Channel before,
                                Channel after) {
    }

    public record Channel(String channelGroup, String channel, String campaign) {
    }

    public record GroupChange(String channelGroup, BigDecimal ordersBefore, BigDecimal ordersAfter,
                              BigDecimal revenueBefore, BigDecimal revenueAfter) {
    }
}
