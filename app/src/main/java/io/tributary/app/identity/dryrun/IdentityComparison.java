package io.tributary.app.identity.dryrun;

import io.tributary.api.ingestion.DuplicateDiscarded;
import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.ingestion.TrackedEvent;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.rules.IdentityReplay;
import io.tributary.api.rules.ReplayPlacement;
import io.tributary.api.session.SessionStarted;
import io.tributary.api.session.TrafficSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Two replays of the recorded tracked events side by side, in their recorded order: under the identity (and channel)
 * rules in force, and under the candidate rules. Remembers where each recorded event went on either side, and which
 * live profile it is on, for the diff and for the shadow read models of either side.
 */
final class IdentityComparison {

    enum Side { BEFORE, AFTER }

    private final IdentityReplay before;
    private final IdentityReplay after;
    private final Function<TrackedEvent, TrafficSource> classifyBefore;
    private final Function<TrackedEvent, TrafficSource> classifyAfter;
    private final List<Replayed> replayed = new ArrayList<>();
    private final Map<String, String> liveMergedInto = new HashMap<>();
    private final Map<String, String> recordsSplitOff = new HashMap<>();

    IdentityComparison(IdentityReplay before, Function<TrackedEvent, TrafficSource> classifyBefore,
                       IdentityReplay after, Function<TrackedEvent, TrafficSource> classifyAfter) {
        this.before = before;
        this.after = after;
        this.classifyBefore = classifyBefore;
        this.classifyAfter = classifyAfter;
    }

    /** One payload of the recorded history; those that neither stitch, count nor merge are ignored. */
    void feed(Object payload) {
        if (payload instanceof EventRecorded e && e.event() != null) {
            boolean browser = e.sourceType() != null && e.sourceType().isBrowser();
            ReplayPlacement was = before.record(e.recordId(), e.event(), browser);
            ReplayPlacement would = after.record(e.recordId(), e.event(), browser);
            replayed.add(new Replayed(e, was, would, was.startsSession() ? classifyBefore.apply(e.event()) : null,
                    would.startsSession() ? classifyAfter.apply(e.event()) : null));
        } else if (payload instanceof DuplicateDiscarded d && d.event() != null && d.kind() != null
                && !d.kind().isAuditOnly()) {
            before.duplicate(d.event(), d.keptRecordId());
            after.duplicate(d.event(), d.keptRecordId());
        } else if (payload instanceof ProfilesMerged m && m.isSurvivorSide()) {
            liveMergedInto.put(m.mergedProfileId(), m.survivorProfileId());
        } else if (payload instanceof ProfileSplit s && s.isSurvivorSide()) {
            liveMergedInto.remove(s.splitProfileId());
            if (s.movedRecords() != null) {
                s.movedRecords().forEach(moved -> recordsSplitOff.put(moved.recordId(), s.splitProfileId()));
            }
        }
    }

    List<Replayed> replayed() {
        return replayed;
    }

    IdentityReplay replay(Side side) {
        return side == Side.BEFORE ? before : after;
    }

    /**
     * The live profile a recorded event is on now: the one it was recorded on (or a split gave it to), or the one that
     * absorbed that since.
     */
    String liveProfileOf(EventRecorded event) {
        String current = recordsSplitOff.getOrDefault(event.recordId(), event.profileId());
        for (int hops = 0; hops < 64 && liveMergedInto.containsKey(current); hops++) {
            current = liveMergedInto.get(current);
        }
        return current;
    }

    /**
     * The events a shadow attribution read model of one side is fed, in recorded order: each recorded event as that
     * side placed it (on its person as the replay ended, in its session), and each session that side started.
     */
    void shadowEvents(Side side, Consumer<Object> shadow) {
        IdentityReplay replay = replay(side);
        for (Replayed r : replayed) {
            ReplayPlacement placement = r.placement(side);
            TrafficSource source = r.source(side);
            EventRecorded e = r.event();
            String person = replay.personOf(e.recordId());
            shadow.accept(new EventRecorded(person, e.recordId(), e.sourceId(), e.sourceType(), e.receivedAt(),
                    e.event(), e.fingerprint(), placement.sessionId(), placement.startsSession(),
                    source == null ? null : source.key(), e.stitched(), e.deliveryId()));
            if (placement.startsSession() && source != null) {
                shadow.accept(new SessionStarted(placement.sessionId(), person, e.recordId(), e.event().timestamp(),
                        source.channelGroup(), source.channel(), source.campaign(), source.adSet(), source.ad(),
                        source.landingUrl(), source.referrer(), source.rulesVersion()));
            }
        }
    }

    /**
     * @param beforeSource the traffic source of the session it started under the rules in force (null unless it did)
     * @param afterSource  likewise under the candidate rules
     */
    record Replayed(EventRecorded event, ReplayPlacement before, ReplayPlacement after, TrafficSource beforeSource,
                    TrafficSource afterSource) {

        ReplayPlacement placement(Side side) {
            return side == Side.BEFORE ? before : after;
        }

        TrafficSource source(Side side) {
            return side == Side.BEFORE ? beforeSource : afterSource;
        }
    }
}
