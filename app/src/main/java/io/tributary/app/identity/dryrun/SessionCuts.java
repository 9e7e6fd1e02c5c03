package io.tributary.app.identity.dryrun;

import io.tributary.api.session.TrafficSource;
import io.tributary.app.identity.dryrun.DryRunDiff.Channel;
import io.tributary.app.identity.dryrun.DryRunDiff.SessionChange;
import io.tributary.app.identity.dryrun.IdentityComparison.Replayed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the sessions of the two replays differ, event by event: where a session starts on one side and not on the
 * other (a changed timeout, or a person merged or split), or starts on both with another channel group, channel or
 * campaign. Each change is named by the live session and profile of the event that starts it.
 */
record SessionCuts(long before, long after, long changed, List<SessionChange> listed) {

    static SessionCuts of(IdentityComparison comparison) {
        Map<String, Channel> beforeChannels = new HashMap<>();
        Map<String, Channel> afterChannels = new HashMap<>();
        long before = 0;
        long after = 0;
        long changed = 0;
        List<SessionChange> listed = new ArrayList<>();
        for (Replayed r : comparison.replayed()) {
            before += started(r.before().startsSession(), r.before().sessionId(), r.beforeSource(), beforeChannels);
            after += started(r.after().startsSession(), r.after().sessionId(), r.afterSource(), afterChannels);
            if (!r.before().startsSession() && !r.after().startsSession()) {
                continue;
            }
            Channel was = beforeChannels.get(String.valueOf(r.before().sessionId()));
            Channel would = afterChannels.get(String.valueOf(r.after().sessionId()));
            String change = r.before().startsSession() == r.after().startsSession() ? "channel"
                    : r.after().startsSession() ? "starts" : "joins";
            if (change.equals("channel") && Objects.equals(was, would)) {
                continue;
            }
            changed++;
            if (listed.size() < DryRunDiff.SESSIONS_LISTED) {
                listed.add(new SessionChange(r.event().sessionId(), comparison.liveProfileOf(r.event()),
                        r.event().event().timestamp(), was, would, change));
            }
        }
        return new SessionCuts(before, after, changed, listed);
    }

    private static int started(boolean starts, String sessionId, TrafficSource source, Map<String, Channel> channels) {
        if (!starts) {
            return 0;
        }
        channels.put(sessionId, source == null ? null : ChannelReplay.channelOf(source));
        return 1;
    }
}
