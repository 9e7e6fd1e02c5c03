package io.tributary.query.profile;

import io.tributary.api.profile.Evidence;

import java.util.List;

/**
 * One decision as listed under one subject profile. {@code decisionId} is deterministic (decision, evidence record,
 * detail), so a redelivered decision maps to the same entry; the two entries of one merge_blocked decision share it.
 */
record HistoryEntry(String subjectProfileId, String decision, Evidence evidence, List<String> aliases,
                    String otherProfileId, String rule, String decisionId) {

    String id() {
        return decisionId + "|" + subjectProfileId;
    }
}
