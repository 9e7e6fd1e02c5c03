package io.tributary.command.profile;

import io.tributary.api.ingestion.EventRecorded;
import io.tributary.api.intake.AliasTypes;
import io.tributary.api.profile.AliasLinked;
import io.tributary.api.profile.ProfilePropertiesUpdated;
import io.tributary.api.profile.ProfileSplit;
import io.tributary.api.profile.ProfileSplit.MovedRecord;
import io.tributary.api.profile.ProfilesMerged;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Re-decides a survivor's history as if one merge into it had never happened: a pure replay of the survivor's
 * recorded decisions (its whole event stream, oldest first).
 * <p>
 * Each tracked event recorded on the survivor after the merge goes to the side that owns its highest-priority
 * usable alias, as stitching does when a merge is refused (ties to the event's order, no known alias to the
 * survivor). An alias that is glue (being quarantined) or no longer usable does not count. Aliases and properties
 * that a moved event brought move with it. A session started after the merge moves when all its events moved;
 * the sessions the merged side brought move back whole.
 */
final class SplitPlanner {

    private SplitPlanner() {
    }

    /**
     * @param usable the urn an alias of a tracked event stitches with now, or empty when it is invalid or blocked
     * @param glue   aliases to disregard as evidence (the quarantined value of a quarantine split)
     * @return empty when the stream holds no merge of {@code splitProfileId}
     */
    static Optional<SplitPlan> plan(String splitProfileId, List<Object> survivorStream,
                                    Function<String, Optional<String>> usable, Set<String> glue) {
        Sides sides = new Sides();
        for (Object event : survivorStream) {
            sides.decide(splitProfileId, event, usable, glue);
        }
        if (!sides.found) {
            return Optional.empty();
        }
        Map<String, PropertyValue> remaining = new HashMap<>();
        Map<String, PropertyValue> moved = new HashMap<>();
        boolean afterMerge = false;
        for (Object event : survivorStream) {
            if (event instanceof ProfilesMerged e && e.isSurvivorSide()) {
                boolean splitSide = e.mergedProfileId().equals(splitProfileId) && e == sides.merge;
                afterMerge |= splitSide;
                e.mergedProperties().forEach((name, value) -> latestWins(splitSide ? moved : remaining, name, value));
            } else if (event instanceof ProfilePropertiesUpdated e) {
                boolean splitSide = afterMerge && e.evidence() != null
                        && sides.movedRecordIds.contains(e.evidence().recordId());
                (splitSide ? moved : remaining).putAll(e.properties());
            } else if (event instanceof ProfileSplit e && e.isSurvivorSide()) {
                remaining.clear();
                remaining.putAll(e.remainingProperties());
            }
        }
        return Optional.of(new SplitPlan(List.copyOf(sides.movedAliases()), moved, remaining, sides.movedSessions(),
                sides.movedRecords));
    }

    private static void latestWins(Map<String, PropertyValue> properties, String name, PropertyValue value) {
        properties.merge(name, value, (mine, theirs) -> theirs.at().isAfter(mine.at()) ? theirs : mine);
    }

    /** The first pass: which side each alias, tracked event and session belongs to. */
    private static final class Sides {
        boolean found;
        ProfilesMerged merge;
        final Set<String> survivorAliases = new LinkedHashSet<>();
        Set<String> splitAliases = new LinkedHashSet<>();
        final Map<String, List<String>> linksByRecord = new HashMap<>();
        List<SessionRef> broughtSessions = new ArrayList<>();
        Map<String, SessionSides> sessions = new LinkedHashMap<>();
        List<MovedRecord> movedRecords = new ArrayList<>();
        Set<String> movedRecordIds = new HashSet<>();

        void decide(String splitProfileId, Object event, Function<String, Optional<String>> usable, Set<String> glue) {
            if (event instanceof AliasLinked e) {
                survivorAliases.add(e.alias());
                if (found && e.evidence() != null) {
                    linksByRecord.computeIfAbsent(e.evidence().recordId(), r -> new ArrayList<>()).add(e.alias());
                }
            } else if (event instanceof ProfilesMerged e && e.isSurvivorSide()) {
                if (e.mergedProfileId().equals(splitProfileId)) {
                    startOver(e);
                } else {
                    survivorAliases.addAll(e.mergedAliases());
                }
            } else if (event instanceof ProfileSplit e && e.isSurvivorSide()) {
                survivorAliases.removeAll(e.movedAliases());
                splitAliases.removeAll(e.movedAliases());
            } else if (event instanceof EventRecorded e && found) {
                record(e, usable, glue);
            }
        }

        private void startOver(ProfilesMerged e) {
            found = true;
            merge = e;
            splitAliases = new LinkedHashSet<>(e.mergedAliases());
            survivorAliases.removeAll(splitAliases);
            broughtSessions = new ArrayList<>(e.mergedSessions());
            sessions = new LinkedHashMap<>();
            movedRecords = new ArrayList<>();
            movedRecordIds = new HashSet<>();
            linksByRecord.clear();
        }

        private void record(EventRecorded e, Function<String, Optional<String>> usable, Set<String> glue) {
            boolean toSplitSide = belongsToSplitSide(e, usable, glue);
            if (toSplitSide) {
                movedRecords.add(new MovedRecord(e.recordId(), e.sessionId(), e.event().timestamp(), e.startsSession()));
                movedRecordIds.add(e.recordId());
                List<String> linked = linksByRecord.getOrDefault(e.recordId(), List.of());
                survivorAliases.removeAll(linked);
                splitAliases.addAll(linked);
            }
            if (e.sessionId() != null) {
                SessionSides session = sessions.computeIfAbsent(e.sessionId(), id -> new SessionSides());
                session.startedHere |= e.startsSession();
                if (e.startsSession()) {
                    session.startedAt = e.event().timestamp();
                    session.trafficKey = e.trafficKey();
                }
                session.lastActivityAt = later(session.lastActivityAt, e.event().timestamp());
                session.survivorEvents |= !toSplitSide;
                session.splitEvents |= toSplitSide;
            }
        }

        private boolean belongsToSplitSide(EventRecorded e, Function<String, Optional<String>> usable, Set<String> glue) {
            List<String> aliases = new ArrayList<>();
            for (String raw : new LinkedHashSet<>(e.event().aliases())) {
                usable.apply(raw).filter(urn -> !glue.contains(urn)).ifPresent(aliases::add);
            }
            aliases.sort(Comparator.comparingInt(a -> AliasTypes.priority(AliasTypes.typeOf(a))));
            for (String alias : aliases) {
                if (survivorAliases.contains(alias)) {
                    return false;
                }
                if (splitAliases.contains(alias)) {
                    return true;
                }
            }
            return false;
        }

        Set<String> movedAliases() {
            return splitAliases;
        }

        List<SessionRef> movedSessions() {
            List<SessionRef> moved = new ArrayList<>();
            for (SessionRef brought : broughtSessions) {
                SessionSides since = sessions.get(brought.sessionId());
                moved.add(since == null ? brought : new SessionRef(brought.sessionId(), brought.startedAt(),
                        later(brought.lastActivityAt(), since.lastActivityAt), brought.trafficKey()));
            }
            sessions.forEach((id, session) -> {
                if (session.startedHere && session.splitEvents && !session.survivorEvents) {
                    moved.add(new SessionRef(id, session.startedAt, session.lastActivityAt, session.trafficKey));
                }
            });
            return moved;
        }
    }

    private static final class SessionSides {
        boolean startedHere;
        Instant startedAt;
        Instant lastActivityAt;
        String trafficKey;
        boolean survivorEvents;
        boolean splitEvents;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
