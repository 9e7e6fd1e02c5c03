package io.tributary.app.identity.dryrun;

import io.tributary.api.rules.IdentityReplay;
import io.tributary.app.identity.dryrun.DryRunDiff.ProfileChange;
import io.tributary.app.identity.dryrun.IdentityComparison.Replayed;
import io.tributary.app.identity.dryrun.IdentityComparison.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who the candidate rules bring together or pull apart: the people of the two replays compared by the recorded
 * events they hold. A person of the "before" replay whose events end up with several people of the "after" one is a
 * split; a person of the "after" replay holding events of several "before" people is a merge. One tracked event that
 * goes to another person (a changed alias priority) shows as a split of its old person and a merge into its new one.
 */
record PeopleDiff(long merged, long split, List<String> mergedProfiles, List<String> splitProfiles,
                  List<ProfileChange> changes, Set<String> newlyBlockedGlue, LiveRestatement restatement) {

    static PeopleDiff of(IdentityComparison comparison) {
        IdentityReplay before = comparison.replay(Side.BEFORE);
        IdentityReplay after = comparison.replay(Side.AFTER);
        Map<String, Group> byBefore = new LinkedHashMap<>();
        Map<String, Group> byAfter = new LinkedHashMap<>();
        for (Replayed r : comparison.replayed()) {
            String recordId = r.event().recordId();
            String was = before.personOf(recordId);
            String would = after.personOf(recordId);
            String live = comparison.liveProfileOf(r.event());
            byBefore.computeIfAbsent(was, p -> new Group()).add(would, live);
            byAfter.computeIfAbsent(would, p -> new Group()).add(was, live);
        }
        List<ProfileChange> changes = new ArrayList<>();
        Set<String> splitProfiles = new TreeSet<>();
        Set<String> mergedProfiles = new TreeSet<>();
        long split = changed("split", byBefore, before, after, changes, splitProfiles);
        long merged = changed("merge", byAfter, after, before, changes, mergedProfiles);
        Set<String> glue = newlyBlockedGlue(byBefore, before, after);
        return new PeopleDiff(merged, split, listed(mergedProfiles), listed(splitProfiles), changes, glue,
                restatement(byBefore, byAfter, before, after, glue));
    }

    /**
     * People of the "after" replay made of whole people of the "before" one are merges of their live profiles;
     * people of the "before" replay parted into whole people of the "after" one, still on one live profile, are splits
     * of it, unless newly blocked glue parts it (those merges are split by the glue). A group that takes only some of
     * another person's events is a move, left as it is.
     */
    private static LiveRestatement restatement(Map<String, Group> byBefore, Map<String, Group> byAfter,
                                               IdentityReplay before, IdentityReplay after, Set<String> glue) {
        List<List<String>> merges = new ArrayList<>();
        List<LiveRestatement.Split> splits = new ArrayList<>();
        long moves = 0;
        for (Map.Entry<String, Group> joined : byAfter.entrySet()) {
            Group group = joined.getValue();
            if (joined.getKey() == null || group.others.size() < 2) {
                continue;
            }
            if (!wholeIn(group.others, byBefore)) {
                moves++;
            } else if (group.liveInOrder.size() > 1) {
                merges.add(List.copyOf(group.liveInOrder));
            }
        }
        for (Map.Entry<String, Group> parted : byBefore.entrySet()) {
            Group group = parted.getValue();
            if (parted.getKey() == null || group.others.size() < 2
                    || before.glueOf(parted.getKey()).stream().anyMatch(glue::contains)) {
                continue;
            }
            if (!wholeIn(group.others, byAfter)) {
                moves++;
            } else if (group.liveInOrder.size() == 1) {
                splits.add(new LiveRestatement.Split(group.liveInOrder.iterator().next(),
                        ownAliases(group.others, after)));
            }
        }
        return new LiveRestatement(merges, splits, moves);
    }

    /** Whether every one of these people has all its events in one group of the other replay. */
    private static boolean wholeIn(Set<String> people, Map<String, Group> groupsOfThem) {
        return people.stream().allMatch(person -> person != null && groupsOfThem.containsKey(person)
                && groupsOfThem.get(person).others.size() == 1);
    }

    /** Per part, the aliases it owns and no other part does (parts with none are left out). */
    private static List<List<String>> ownAliases(Set<String> parts, IdentityReplay replay) {
        List<List<String>> aliases = new ArrayList<>();
        for (String part : parts) {
            Set<String> own = new TreeSet<>(replay.aliasesOf(part));
            parts.stream().filter(other -> !other.equals(part)).forEach(other -> own.removeAll(replay.aliasesOf(other)));
            if (!own.isEmpty()) {
                aliases.add(List.copyOf(own));
            }
        }
        return aliases;
    }

    /**
     * The aliases that glued people who split, and that the candidate rules block while the rules in force do not:
     * what an apply splits the live merges of.
     */
    private static Set<String> newlyBlockedGlue(Map<String, Group> byBefore, IdentityReplay before,
                                                IdentityReplay after) {
        Set<String> glue = new TreeSet<>();
        byBefore.forEach((person, group) -> {
            if (group.others.size() > 1) {
                before.glueOf(person).stream().filter(alias -> before.stitches(alias) && !after.stitches(alias))
                        .forEach(glue::add);
            }
        });
        return glue;
    }

    /** Counts the people of {@code side} made of several people of {@code other}, listing the first ones. */
    private static long changed(String change, Map<String, Group> groups, IdentityReplay side, IdentityReplay other,
                                List<ProfileChange> changes, Set<String> profiles) {
        long count = 0;
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            Group group = entry.getValue();
            if (group.others.size() < 2) {
                continue;
            }
            count++;
            if (changes.size() < DryRunDiff.PROFILES_LISTED) {
                Set<String> liveProfiles = new TreeSet<>(group.liveInOrder);
                changes.add(new ProfileChange(change, List.copyOf(liveProfiles), group.events,
                        group.others.size(), difference(side, entry.getKey(), other, group.others)));
                profiles.addAll(liveProfiles);
            }
        }
        return count;
    }

    /**
     * The aliases {@code person} owns and none of {@code parts} does (a value one side blocks, or a limit refuses);
     * when there are none, its glue that none of the parts has: the shared aliases of merges one replay made and the
     * other did not.
     */
    private static List<String> difference(IdentityReplay side, String person, IdentityReplay other,
                                           Set<String> parts) {
        Set<String> owned = new TreeSet<>(side.aliasesOf(person));
        Set<String> glue = new TreeSet<>(side.glueOf(person));
        for (String part : parts) {
            owned.removeAll(other.aliasesOf(part));
            glue.removeAll(other.glueOf(part));
        }
        return List.copyOf(owned.isEmpty() ? glue : owned);
    }

    private static List<String> listed(Set<String> profiles) {
        return profiles.stream().limit(DryRunDiff.PROFILES_LISTED).toList();
    }

    /** The recorded events of one person: which people of the other replay hold them, and on which live profiles. */
    private static final class Group {
        final Set<String> others = new LinkedHashSet<>();
        /** The live profiles of its events, in the order the events were recorded. */
        final Set<String> liveInOrder = new LinkedHashSet<>();
        long events;

        void add(String other, String liveProfile) {
            others.add(other);
            if (liveProfile != null) {
                liveInOrder.add(liveProfile);
            }
            events++;
        }
    }
}
