package io.tributary.app.identity.dryrun;

import java.util.List;

/**
 * What applying candidate identity rules changes in the live profiles, from the two replays of a dry-run: whole
 * people the candidate rules join have their live profiles merged (into the first that saw an event), and a person
 * they part has its live profile split by the aliases only each part owns. A tracked event that would move alone to
 * another person (another priority) is neither, and is counted in {@code notRestated}.
 *
 * @param merges      each a list of live profiles to merge, the survivor first
 * @param splits      each a live profile and, per part, the aliases only that part owns
 * @param notRestated people the candidate rules change by moving single events, left as they are
 */
record LiveRestatement(List<List<String>> merges, List<Split> splits, long notRestated) {

    static final LiveRestatement NONE = new LiveRestatement(List.of(), List.of(), 0);

    record Split(String profileId, List<List<String>> partsAliases) {
    }
}
