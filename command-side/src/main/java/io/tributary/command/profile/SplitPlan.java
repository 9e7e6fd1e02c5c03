package io.tributary.command.profile;

import io.tributary.api.profile.ProfileSplit.MovedRecord;
import io.tributary.api.profile.PropertyValue;
import io.tributary.api.session.SessionRef;
import java.util.List;
import java.util.Map;

/**
 * What undoing one merge moves back to the merged-away side, as {@link SplitPlanner} re-decided it.
 *
 * @param movedAliases        the aliases the merged side brought, and those linked since by its tracked events
 * @param movedProperties     the properties it brought, and those set since by its tracked events
 * @param remainingProperties the survivor's properties as if the merge had never happened
 * @param movedSessions       the sessions it brought, and those started since that hold only its tracked events
 * @param movedRecords        its tracked events recorded on the survivor since the merge
 */
record SplitPlan(List<String> movedAliases, Map<String, PropertyValue> movedProperties,
                 Map<String, PropertyValue> remainingProperties, List<SessionRef> movedSessions,
                 List<MovedRecord> movedRecords) {

    SplitPlan {
        movedAliases = List.copyOf(movedAliases);
        movedProperties = Map.copyOf(movedProperties);
        remainingProperties = Map.copyOf(remainingProperties);
        movedSessions = List.copyOf(movedSessions);
        movedRecords = List.copyOf(movedRecords);
    }
}
