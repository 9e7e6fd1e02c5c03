package io.tributary.app.identity.dryrun;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the candidate rules would change.
 *
 * @param sessionsChanged          how many sessions would change: channel group, channel or campaign (or, with identity
 *                                 candidates, where they start)
 * @param sessions                 those sessions (the first {@value DryRunDiff#SESSIONS_LISTED})
 * @param channelGroups            orders and revenue per channel group, before and after, for the chosen model
 * @param sessionlessOrdersChanged orders without a session whose own landing_site/referring_site would be classified
 *                                 differently (apply restates them by rebuilding attribution-conversions)
 * @param profilesMerged           live profiles whose people identity candidates would bring together with another
 *                                 (the first {@value DryRunDiff#PROFILES_LISTED}; empty for channel rules alone)
 * @param profilesSplit            live profiles whose people identity candidates would pull apart (likewise)
 * @param sessionsBefore           sessions the replay cuts under the rules in force (null for channel rules alone)
 * @param sessionsAfter            sessions it cuts under the candidate rules (null for channel rules alone)
 * @param profilesMergedCount      people of the replay under the candidate rules made of several under the rules in
 *                                 force
 * @param profilesSplitCount       people of the replay under the rules in force that the candidate rules part
 * @param profileChanges           each of those merges and splits (the first {@value DryRunDiff#PROFILES_LISTED})
 */
public record DryRunDiff(long sessionsChanged, List<SessionChange> sessions, String model, LocalDate from,
                         LocalDate to, String currency, List<GroupChange> channelGroups,
                         long sessionlessOrdersChanged, List<String> profilesMerged, List<String> profilesSplit,
                         Long sessionsBefore, Long sessionsAfter, long profilesMergedCount, long profilesSplitCount,
                         List<ProfileChange> profileChanges) {

    public static final int SESSIONS_LISTED = 1000;
    public static final int PROFILES_LISTED = 1000;

    /** A diff of channel rules alone: nobody merges or splits, sessions keep their cut. */
    static DryRunDiff ofChannels(long sessionsChanged, List<SessionChange> sessions, String model, LocalDate from,
                                 LocalDate to, String currency, List<GroupChange> channelGroups,
                                 long sessionlessOrdersChanged) {
        return new DryRunDiff(sessionsChanged, sessions, model, from, to, currency, channelGroups,
                sessionlessOrdersChanged, List.of(), List.of(), null, null, 0, 0, List.of());
    }

    /**
     * @param change {@code channel}: same start, another channel group, channel or campaign; {@code starts}: the event
     *               that starts it under the candidate rules did not start one before; {@code joins}: the event that
     *               started it before now joins an earlier session (its channel is that session's)
     */
    public record SessionChange(String sessionId, String profileId, Instant startedAt, Channel before,
                                Channel after, String change) {
    }

    public record Channel(String channelGroup, String channel, String campaign) {
    }

    public record GroupChange(String channelGroup, BigDecimal ordersBefore, BigDecimal ordersAfter,
                              BigDecimal revenueBefore, BigDecimal revenueAfter) {
    }

    /**
     * People a replay under the candidate rules would bring together ({@code merge}) or pull apart ({@code split}).
     *
     * @param profileIds    the live profiles their tracked events are on
     * @param trackedEvents how many tracked events they hold
     * @param parts         how many people of the other replay they come from ({@code merge}) or go to ({@code split})
     * @param aliases       the aliases that make the difference: those these people own and the others do not (a
     *                      blocked or unblocked value, an alias a limit refuses); when there are none, the shared aliases
     *                      of the merges one replay made and the other did not
     */
    public record ProfileChange(String change, List<String> profileIds, long trackedEvents, int parts,
                                List<String> aliases) {
    }
}
