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
                  List<ProfileChange> changes, Set<String> newlyBlockedGlue) {

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
        return new PeopleDiff(merged, split, listed(mergedProfiles), listed(splitProfiles), changes,
                newlyBlockedGlue(byBefore, before, after));
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
                changes.add(new ProfileChange(change, List.copyOf(group.liveProfiles), group.events,
                        group.others.size(), difference(side, entry.getKey(), other, group.others)));
                profiles.addAll(group.liveProfiles);
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
        final Set<String> liveProfiles = new TreeSet<>();
        long events;

        void add(String other, String liveProfile) {
            others.add(other);
            if (liveProfile != null) {
                liveProfiles.add(liveProfile);
            }
            events++;
        }
    }
}
